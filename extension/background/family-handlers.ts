import browser from 'webextension-polyfill';
import type { FamilyProtocol, SettingsView } from '../../shared/family-messages';
import { isValidPin } from '../../shared/settings-pin';
import { familyConfigured, parseUserChanges, proceedAllowed } from '../../shared/settings';
import type { HandlerMap } from './message-handlers';
import { proceedGrants } from './proceed';
import { familyReset } from './reset-alarm';
import { blockableDomain } from './protection';
import { clearFamilySettings, getEffectiveSettings, saveUserSettings } from './settings';
import {
  changePin,
  endPinSession,
  lockedUntil,
  pinIsSet,
  requireUnlocked,
  unlock,
} from './settings-lock';
import { requireTabId, warningTab } from './sender-checks';
import { alertDetails } from './family-link';
import { tabState } from './tab-state';

type FamilyHandlers = HandlerMap<keyof FamilyProtocol>;

async function settingsView(): Promise<SettingsView> {
  // First, so a waiting period that is over shows as the cleared settings it leads to.
  const reset = await familyReset.settle();
  const [{ settings, forced }, pinSet, locked] = await Promise.all([
    getEffectiveSettings(),
    pinIsSet(),
    lockedUntil(),
  ]);
  return {
    settings,
    forced,
    pinSet,
    lockedUntil: locked,
    familyConfigured: familyConfigured(settings, pinSet),
    proceedAllowed: proceedAllowed(settings),
    resetEndsAt: reset?.endsAt ?? null,
  };
}

export const familyHandlers: FamilyHandlers = {
  'settings/get': () => settingsView(),

  async 'settings/save'({ changes, token }) {
    await requireUnlocked(token);
    const parsed = parseUserChanges(changes);
    const { forced } = await getEffectiveSettings();
    const blocked = Object.keys(parsed).filter((key) => forced.includes(key as never));
    if (blocked.length) throw new Error(`set by your administrator: ${blocked.join(', ')}`);
    await saveUserSettings(parsed);
    return settingsView();
  },

  // The options page and the popup (before an unblock or undo); the router checks which.
  async 'settings/unlock'({ pin }) {
    if (typeof pin !== 'string') throw new Error('pin must be a string');
    const result = await unlock(pin);
    // The family is here: whatever someone was talked into asking for is off.
    if (result.unlocked) await familyReset.cancel();
    return result;
  },

  async 'settings/set-pin'({ pin, token }) {
    await requireUnlocked(token);
    if (pin !== null && !isValidPin(pin)) throw new Error('the PIN must be 4 to 8 digits');
    return { token: await changePin(pin) };
  },

  async 'settings/reset'(_payload, _sender, { alerts }) {
    await endPinSession();
    // Without a PIN nothing is locked, and anyone may change the settings anyway.
    if (await pinIsSet()) await familyReset.request();
    else await clearFamilySettings();
    // The family hears of it at once: a caller may be dictating this very click.
    void alerts.link.notify('reset');
    return settingsView();
  },

  async 'proceed/allow'(_payload, sender, { alerts }) {
    const tabId = warningTab(sender);
    if (!proceedAllowed((await getEffectiveSettings()).settings)) {
      throw new Error('opening blocked pages is turned off');
    }
    const page = await tabState.pendingBlock(tabId);
    if (!page) throw new Error('nothing is blocked in this tab');
    await proceedGrants.allow(tabId, page.verdict.url);
    await tabState.clearPendingBlock(tabId);
    void alerts.link.notify('proceed', alertDetails(page.verdict));
    await browser.tabs.update(tabId, { url: page.verdict.url });
    return { url: page.verdict.url };
  },

  async 'proceed/list'({ tabId }) {
    return { grants: await proceedGrants.list(requireTabId(tabId)) };
  },

  // Like every family-mode change, through the PIN: alone with the person, a caller can
  // only get them back to safety (the warning's own button), never change what was set.
  async 'proceed/undo'({ tabId, domain, token }) {
    const id = requireTabId(tabId);
    await requireUnlocked(token);
    if (typeof domain !== 'string') throw new Error('domain must be a string');
    const removed = await proceedGrants.undo(id, domain);
    // Still on that site? Reload, so the guard shows the warning again straight away.
    const record = await tabState.get(id);
    if (removed && record && blockableDomain(record.url) === domain) await browser.tabs.reload(id);
    return { removed };
  },
};
