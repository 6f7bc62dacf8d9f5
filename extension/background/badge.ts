import browser from 'webextension-polyfill';
import type { ProtectionStatus } from '../../shared/messages';
import type { VerdictLevel } from '../../shared/verdict';

/**
 * The toolbar badge: per tab, "!" on red for a blocked page, "?" on amber for a suspicious
 * one and "…" on grey for one that could not be checked; with no tab-specific state, the
 * global badge shows when protection itself is degraded (no list, or a stale one).
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

export async function showProtectionBadge(status: ProtectionStatus): Promise<void> {
  const key =
    status.state === 'unprotected' ? 'badgeOff' : status.state === 'stale' ? 'badgeOld' : null;
  const text = key ? browser.i18n.getMessage(key) : '';
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: '#5f6368' });
}
