import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentProtocol } from '../../shared/content-messages';
import { proceedAllowed } from '../../shared/settings';
import type { Verdict } from '../../shared/verdict';
import { defendAgainstScareware } from '../content/scareware-watch';
import { showTabBadge } from './badge';
import { contentState } from './content-state';
import type { HandlerMap } from './message-handlers';
import { proceedGrants } from './proceed';
import { WARNING_PAGE } from './sender-checks';
import { getEffectiveSettings } from './settings';
import { tabState } from './tab-state';

/** Only the top frame of a web tab speaks for the page: a frame cannot get its parent warned. */
function contentPage(sender: Runtime.MessageSender): { tabId: number; url: string } {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url || !/^https?:/.test(sender.url))
    throw new Error('only a top-level web page may ask this');
  return { tabId, url: sender.url };
}

/** The same record-and-redirect the navigation guard does for a look-alike verdict. */
export async function warnTab(tabId: number, verdict: Verdict): Promise<void> {
  await Promise.all([
    tabState.recordBlock(tabId, verdict, Date.now()),
    showTabBadge(tabId, verdict.level),
  ]);
  await browser.tabs.update(tabId, { url: browser.runtime.getURL(WARNING_PAGE) });
}

export const contentHandlers: HandlerMap<keyof ContentProtocol> = {
  async 'content/check'({ extract }, sender, { contentCheck }) {
    const { tabId, url } = contentPage(sender);
    const result = await contentCheck.check(tabId, url, extract);
    await contentState.set(tabId, {
      url,
      checkedAt: Date.now(),
      suspicious: result.suspicious,
      scenario: result.scenario,
    });
    return result;
  },
};

export const contentCheckDeps = {
  proceedAllowed: async () => proceedAllowed((await getEffectiveSettings()).settings),
  proceedGranted: (tabId: number, url: string) => proceedGrants.allows(tabId, url),
  warn: warnTab,
  // Run in the page's top frame: the page cannot stop it, and it finishes before the redirect.
  calmScareware: async (tabId: number) => {
    await browser.scripting.executeScript({ target: { tabId }, func: defendAgainstScareware });
  },
};
