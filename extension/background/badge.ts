import browser from 'webextension-polyfill';
import type { ProtectionStatus } from '../../shared/messages';
import type { VerdictLevel } from '../../shared/verdict';
import { setLanguage, t } from '../ui/i18n';
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

async function applyProtectionBadge(status: ProtectionStatus): Promise<void> {
  const { settings } = await getEffectiveSettings();
  // Policy requires page checking (`requirePageAccess`) and the user has not granted it.
  const missing =
    status.state === 'protected' && settings.requirePageAccess && !(await hasPageAccess());
  const key = protectionBadgeKey(status.state, missing);
  // From the bundled catalogs, in the language the family chose, as the notifications are:
  // `i18n.getMessage` in a worker that has just started sometimes returns "" in Chromium,
  // which would leave "protection is off" unsaid.
  setLanguage(settings.language);
  const text = key ? t(key) : '';
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
