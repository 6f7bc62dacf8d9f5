import browser from 'webextension-polyfill';
import type { ProtectionStatus } from '../../shared/messages';
import type { VerdictLevel } from '../../shared/verdict';
import { oneAtATime } from './one-at-a-time';
import { hasPageAccess } from './page-access';
import { protectionBadgeKey } from './protection-badge-key';
import { getEffectiveSettings, onSettingsChanged } from './settings';

/**
 * The toolbar badge: per tab, "!" on red for a blocked page, "?" on amber for a suspicious
 * one and "…" on grey for one that could not be checked; with no tab-specific state, the
 * global badge shows when protection itself is degraded (no list, or a stale one), or
 * incomplete (policy requires page checking and the user has not switched it on).
 */
const TAB_BADGE: Record<VerdictLevel, { text: string; color: string }> = {
  dangerous: { text: '!', color: '#b3261e' },
  suspicious: { text: '?', color: '#8a5300' },
  safe: { text: '', color: '#1e6b35' },
  // The check failed: not "safe", and the popup says so in words.
  unchecked: { text: '…', color: '#5f6368' },
};

export async function showTabBadge(tabId: number, level: VerdictLevel): Promise<void> {
  const { text, color } = TAB_BADGE[level];
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
}

/** Policy requires page checking (`requirePageAccess`) and the user has not granted it. */
async function pageAccessMissing(): Promise<boolean> {
  const { settings } = await getEffectiveSettings();
  return settings.requirePageAccess && !(await hasPageAccess());
}

async function applyProtectionBadge(status: ProtectionStatus): Promise<void> {
  const missing = status.state === 'protected' && (await pageAccessMissing());
  const key = protectionBadgeKey(status.state, missing);
  const text = key ? browser.i18n.getMessage(key) : '';
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: '#5f6368' });
}

// Each update reads settings and permissions before it writes: queued, so that the update
// asked for last (say, after the policy arrived) is also the one written last.
const queued = oneAtATime();

export function showProtectionBadge(status: ProtectionStatus): Promise<void> {
  return queued(() => applyProtectionBadge(status));
}

/**
 * Shows the global badge again whenever what it depends on besides the list changes: the
 * page-access grant (given or taken back anywhere) and the policy. Registered at top level.
 */
export function registerProtectionBadge(status: () => Promise<ProtectionStatus>): void {
  const refresh = () =>
    void status()
      .then(showProtectionBadge)
      .catch((error: unknown) => console.error('badge update failed', error));
  browser.permissions.onAdded.addListener(refresh);
  browser.permissions.onRemoved.addListener(refresh);
  onSettingsChanged(refresh);
}
