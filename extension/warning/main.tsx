import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { SettingsView } from '../../shared/family-messages';
import type { BlockedPage } from '../../shared/messages';
import { hotlineFor } from '../../shared/settings';
import { t, uiLanguage } from '../ui/i18n';
import { send } from '../ui/messaging';
import { loadPreferences } from '../ui/page-preferences';
import { MistakeReport } from './mistake-report';
import { TrustControl, trustOffered } from './trust-control';
import { WarningPage } from './warning-page';

function App({ page, view }: { page: BlockedPage; view: SettingsView | null }) {
  const [error, setError] = useState<string | null>(null);
  const [mistake, setMistake] = useState<'idle' | 'sending' | 'sent'>('idle');
  const settings = view?.settings;
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  return (
    <WarningPage
      page={page}
      contactName={settings?.familyContactName ?? ''}
      contactPhone={settings?.familyContactPhone ?? ''}
      hotline={settings ? hotlineFor(settings, uiLanguage() === 'zh-CN' ? 'zh_CN' : 'en') : ''}
      proceedAllowed={view?.proceedAllowed ?? false}
      error={error}
      onBack={() => void send('warning/leave', {})}
      onProceed={() =>
        void send('proceed/allow', {}).catch((e: unknown) =>
          setError(e instanceof Error ? e.message : String(e)),
        )
      }
      trustControl={
        trustOffered(page.verdict, view?.proceedAllowed ?? false) && (
          <TrustControl
            onTrust={() => void send('trust/allow', {}).catch(fail)}
            explain={page.verdict.reason === 'content' ? 'contentTrustExplain' : 'trustExplain'}
          />
        )
      }
      mistakeReport={
        <MistakeReport
          sent={mistake === 'sent'}
          busy={mistake === 'sending'}
          onReport={() => {
            setMistake('sending');
            send('report/false-positive', {}).then(
              () => setMistake('sent'),
              (e: unknown) => {
                setMistake('idle');
                setError(e instanceof Error ? e.message : String(e));
              },
            );
          }}
        />
      }
    />
  );
}

async function main(root: HTMLElement) {
  // Inside a frame the page does nothing: a framed warning could be dressed up by the
  // framing page, and clicks on it would be the framer's, not the user's.
  if (window.top !== window) return;
  const view = await loadPreferences();
  document.title = t('warningTitle');
  const page = await send('warning/get', {});
  if (!page) {
    render(
      <main class="nothing">
        <p>{t('warningNothingPending')}</p>
      </main>,
      root,
    );
    return;
  }
  render(<App page={page} view={view} />, root);
}

void main(document.getElementById('app')!);
