import browser from 'webextension-polyfill';
import { proceedAllowed } from '../../shared/settings';
import type { TrustProtocol } from '../../shared/trust-messages';
import type { HandlerMap } from './message-handlers';
import { blockableDomain } from './protection';
import { warningTab } from './sender-checks';
import { getEffectiveSettings } from './settings';
import { requireUnlocked } from './settings-lock';
import { tabState } from './tab-state';

type TrustName = keyof TrustProtocol;
type TrustHandlers = HandlerMap<TrustName>;

export const trustHandlers: TrustHandlers = {
  async 'trust/allow'(_payload, sender, { trusted }) {
    const tabId = warningTab(sender);
    // A family that turned "open anyway" off does not want a caller on the phone talking
    // the user into trusting a fake bank either.
    if (!proceedAllowed((await getEffectiveSettings()).settings)) {
      throw new Error('opening blocked pages is turned off');
    }
    const page = await tabState.pendingBlock(tabId);
    if (!page) throw new Error('nothing is blocked in this tab');
    // Only a guess (look-alike, page content) can be overruled this way; a list or personal
    // block cannot.
    if (page.verdict.reason !== 'lookalike' && page.verdict.reason !== 'content')
      throw new Error('only look-alike and content warnings');
    const domain = blockableDomain(page.verdict.url);
    if (!domain) throw new Error('only web pages can be marked as fine');
    await trusted.add(domain);
    await tabState.clearPendingBlock(tabId);
    await browser.tabs.update(tabId, { url: page.verdict.url });
    return { domain, url: page.verdict.url };
  },

  async 'trust/list'(_payload, _sender, { trusted }) {
    return { entries: trusted.entries() };
  },

  async 'trust/remove'({ domain, token }, _sender, { trusted }) {
    await requireUnlocked(token);
    if (typeof domain !== 'string') throw new Error('domain must be a string');
    return { removed: await trusted.remove(domain) };
  },
};
