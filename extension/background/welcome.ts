import browser from 'webextension-polyfill';
import { hasPageAccess } from './page-access';
import { welcomeOnInstall } from './welcome-on-install';

const WELCOME_PAGE = 'extension/welcome/index.html';

async function openWelcome(): Promise<void> {
  // management.getSelf needs no "management" permission.
  const [self, pageAccess] = await Promise.all([browser.management.getSelf(), hasPageAccess()]);
  if (!welcomeOnInstall(self.installType, pageAccess)) return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

/** Registered in the worker's first turn: onInstalled fires only in the turn it woke for. */
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void openWelcome().catch((error: unknown) => console.error('welcome page failed', error));
  });
}
