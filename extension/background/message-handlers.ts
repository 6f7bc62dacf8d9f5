import { platform } from '#platform';
import browser, { type Runtime } from 'webextension-polyfill';
import {
  isMessage,
  maySend,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../../shared/messages';
import { alertHandlers } from './alert-handlers';
import { showProtectionBadge, showTabBadge } from './badge';
import type { ContentCheck } from './content-check';
import { contentHandlers } from './content-handlers';
import type { FamilyAlerts } from './family-alerts';
import { familyHandlers } from './family-handlers';
import type { ListSync } from './list-sync';
import { mayBlock, type PersonalBlocklist } from './personal-blocklist';
import { blockableDomain, type Protection } from './protection';
import { reportHandlers } from './report-handlers';
import type { ReportQueue } from './report-queue';
import { requireTabId, senderKind, warningTab } from './sender-checks';
import { requireUnlocked } from './settings-lock';
import { tabState } from './tab-state';
import { trustHandlers } from './trust-handlers';
import type { TrustedSites } from './trusted-sites';

export interface Services {
  protection: Protection;
  personal: PersonalBlocklist;
  trusted: TrustedSites;
  sync: ListSync;
  reports: { queue: ReportQueue; listVersion: () => number };
  contentCheck: ContentCheck;
  alerts: FamilyAlerts;
}

export type Handler<K extends MessageName> = (
  payload: RequestOf<K>,
  sender: Runtime.MessageSender,
  services: Services,
) => Promise<ResponseOf<K>>;

/** The handlers of some messages; each area of the product exports one for its own. */
export type HandlerMap<N extends MessageName> = { [K in N]: Handler<K> };

type Handlers = HandlerMap<MessageName>;

const handlers: Handlers = {
  ...familyHandlers,
  ...reportHandlers,
  ...trustHandlers,
  ...contentHandlers,
  ...alertHandlers,
  async 'tab/status'({ tabId }, _sender, { protection, personal, sync }) {
    const record = await tabState.get(requireTabId(tabId));
    const url = record?.url ?? null;
    const site = url ? blockableDomain(url) : null;
    return {
      tab: {
        tabId,
        url,
        verdict: record?.verdict ?? null,
        blockableDomain: site && mayBlock(site, record?.verdict) ? site : null,
        personalBlock: url ? personal.covering(url) : null,
      },
      protection: protection.status(await sync.state()),
    };
  },

  async 'list/update-now'(_payload, _sender, { protection, sync }) {
    const status = protection.status(await sync.run('manual'));
    await showProtectionBadge(status);
    return status;
  },

  async 'personal/block'({ tabId }, _sender, { personal }) {
    const record = await tabState.get(requireTabId(tabId));
    const domain = record ? blockableDomain(record.url) : null;
    if (!domain) throw new Error('this page cannot be blocked');
    if (!mayBlock(domain, record?.verdict)) {
      throw new Error(`${domain} is on the list of trusted sites and cannot be blocked`);
    }
    await personal.add(domain);
    return { domain };
  },

  async 'personal/unblock'({ domain, token }, _sender, { personal }) {
    // A caller on the phone asking to "just unblock it" meets the family's PIN.
    await requireUnlocked(token);
    if (typeof domain !== 'string') throw new Error('domain must be a string');
    return { removed: await personal.remove(domain) };
  },

  async 'personal/list'(_payload, _sender, { personal }) {
    return { entries: personal.entries() };
  },

  async 'warning/get'(_payload, sender) {
    const tabId = warningTab(sender);
    const page = await tabState.pendingBlock(tabId);
    if (page) await showTabBadge(tabId, page.verdict.level);
    return page;
  },

  // Not history.back(): the blocked address can sit in the tab's history, and going back
  // to it only shows the warning again. The last page judged safe is where safety is.
  async 'warning/leave'(_payload, sender) {
    const tabId = warningTab(sender);
    const record = await tabState.get(tabId);
    await tabState.clearPendingBlock(tabId);
    // Firefox reports a new tab's initial about:blank as a navigation: that is no place to
    // send someone, so only a web page counts as the way back.
    const back = record?.lastSafeUrl;
    if (back && /^https?:/.test(back)) await browser.tabs.update(tabId, { url: back });
    else await platform.leaveToNewTab(browser.tabs, tabId);
    return { done: true };
  },
};

export function registerMessageHandlers(ready: Promise<Services>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const kind = senderKind(sender);
    if (!kind || !isMessage(message)) return undefined;
    if (!maySend(message.type, kind)) {
      return Promise.resolve<Reply<unknown>>({
        ok: false,
        error: `${message.type} may not be sent from the ${kind} page`,
      });
    }
    const handler = handlers[message.type] as Handler<MessageName>;
    return ready
      .then((services) => handler(message.payload, sender, services))
      .then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  });
}
