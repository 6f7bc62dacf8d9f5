import browser, { type Runtime } from 'webextension-polyfill';
import {
  isMessage,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../../shared/messages';
import { showProtectionBadge, showTabBadge } from './badge';
import { familyHandlers } from './family-handlers';
import type { ListSync } from './list-sync';
import { WARNING_PAGE } from './navigation-guard';
import type { PersonalBlocklist } from './personal-blocklist';
import { blockableDomain, type Protection } from './protection';
import { tabState } from './tab-state';

export interface Services {
  protection: Protection;
  personal: PersonalBlocklist;
  sync: ListSync;
}

type Handler<K extends MessageName> = (
  payload: RequestOf<K>,
  sender: Runtime.MessageSender,
  services: Services,
) => Promise<ResponseOf<K>>;

type Handlers = { [K in MessageName]: Handler<K> };

function requireNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a tab id`);
  }
  return value;
}

/** The tab a warning page runs in; refused in frames, so it cannot be framed by a page. */
function warningTab(sender: Runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (
    tabId === undefined ||
    sender.frameId !== 0 ||
    !sender.url?.startsWith(browser.runtime.getURL(WARNING_PAGE))
  ) {
    throw new Error('only the warning page in a top-level tab may ask this');
  }
  return tabId;
}

const handlers: Handlers = {
  ...familyHandlers,
  async 'tab/status'({ tabId }, _sender, { protection, personal, sync }) {
    const record = await tabState.get(requireNumber(tabId, 'tabId'));
    const url = record?.url ?? null;
    const host = record?.verdict.host ?? '';
    return {
      tab: {
        tabId,
        url,
        verdict: record?.verdict ?? null,
        blockableDomain: url ? blockableDomain(url) : null,
        personalBlock: host ? personal.covering(host) : null,
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
    const record = await tabState.get(requireNumber(tabId, 'tabId'));
    const domain = record ? blockableDomain(record.url) : null;
    if (!domain) throw new Error('this page cannot be blocked');
    await personal.add(domain);
    return { domain };
  },

  async 'personal/unblock'({ domain }, _sender, { personal }) {
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

  async 'warning/leave'({ canGoBack }, sender) {
    const tabId = warningTab(sender);
    await tabState.clearPendingBlock(tabId);
    if (canGoBack) await browser.tabs.goBack(tabId);
    else await browser.tabs.update(tabId, { url: 'about:blank' });
    return { done: true };
  },
};

/**
 * Only the extension's own pages may talk to the background: no content scripts exist and
 * no web page may message us (`externally_connectable` is not declared), but every message
 * is still checked, as a second line of defence.
 */
function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
}

export function registerMessageHandlers(ready: Promise<Services>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnPage(sender) || !isMessage(message)) return undefined;
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
