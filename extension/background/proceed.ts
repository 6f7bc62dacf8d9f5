import { platform } from '#platform';
import browser from 'webextension-polyfill';
import type { ProceedGrant } from '../../shared/family-messages';
import { createNetworkRules } from './network-rules';
import { blockableDomain } from './protection';

/**
 * "Proceed anyway", remembered per tab and site in `storage.session`: it holds for this tab
 * only, is forgotten when the tab closes or the browser restarts, and can be undone from
 * the popup. Never written anywhere that outlives the session. The network rules would
 * still refuse the site, so each grant also lifts them for that tab, as a session rule
 * that ends with the session too.
 */
const network = createNetworkRules(platform.networkRulesApi(browser.declarativeNetRequest));
const PREFIX = 'proceed:';
const grantKey = (tabId: number, domain: string) => `${PREFIX}${tabId}:${domain}`;

async function grantsOf(tabId: number): Promise<Record<string, ProceedGrant>> {
  const all = await browser.storage.session.get(null);
  const mine: Record<string, ProceedGrant> = {};
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(`${PREFIX}${tabId}:`)) mine[key] = value as ProceedGrant;
  }
  return mine;
}

export const proceedGrants = {
  async allow(tabId: number, url: string, now = Date.now()): Promise<ProceedGrant> {
    const domain = blockableDomain(url);
    if (!domain) throw new Error('only web pages can be opened anyway');
    const grant = { tabId, domain, grantedAt: now };
    await network.allowInTab(tabId, domain);
    await browser.storage.session.set({ [grantKey(tabId, domain)]: grant });
    return grant;
  },

  async allows(tabId: number, url: string): Promise<boolean> {
    const domain = blockableDomain(url);
    if (!domain) return false;
    const key = grantKey(tabId, domain);
    return key in (await browser.storage.session.get(key));
  },

  list: async (tabId: number): Promise<ProceedGrant[]> =>
    Object.values(await grantsOf(tabId)).sort((a, b) => b.grantedAt - a.grantedAt),

  async undo(tabId: number, domain: string): Promise<boolean> {
    const key = grantKey(tabId, domain);
    const existed = key in (await browser.storage.session.get(key));
    await browser.storage.session.remove(key);
    await network.revokeInTab(tabId, domain);
    return existed;
  },

  async forgetTab(tabId: number) {
    await browser.storage.session.remove(Object.keys(await grantsOf(tabId)));
    await network.revokeInTab(tabId);
  },
};
