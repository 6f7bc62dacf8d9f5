import { render } from 'preact';
import { t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { WarningPage } from './warning-page';

async function main(root: HTMLElement) {
  document.title = t('warningTitle');
  // Inside a frame the page does nothing: a framed warning could be dressed up by the
  // framing page, and clicks on it would be the framer's, not the user's.
  if (window.top !== window) return;
  const page = await send('warning/get', {});
  if (!page) {
    render(<p class="nothing">{t('warningNothingPending')}</p>, root);
    return;
  }
  render(
    <WarningPage
      page={page}
      onBack={() => void send('warning/leave', { canGoBack: history.length > 1 })}
    />,
    root,
  );
}

void main(document.getElementById('app')!);
