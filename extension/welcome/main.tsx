import { render } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { loadPreferences } from '../ui/page-preferences';
import { WelcomePage } from './welcome-page';

// The background opened this page in a tab of its own; "Not now" closes that tab.
const close = () =>
  void browser.tabs.getCurrent().then((tab) => (tab?.id ? browser.tabs.remove(tab.id) : undefined));

// Language and text size first (an administrator may have set them), then the page.
void loadPreferences().then(() => {
  document.title = t('welcomeTitle');
  render(
    <WelcomePage
      onClose={close}
      optionsUrl={browser.runtime.getURL('extension/options/index.html')}
    />,
    document.getElementById('app')!,
  );
});
