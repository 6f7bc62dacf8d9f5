import type { ProtectionStatus } from '../../shared/messages';

/**
 * The global badge's message, or null for none: no list is worst, then a stale one, then page
 * checking that policy requires (`requirePageAccess`) and the user has not switched on.
 */
export function protectionBadgeKey(
  state: ProtectionStatus['state'],
  pageAccessMissing: boolean,
): 'badgeOff' | 'badgeOld' | 'badgeIncomplete' | null {
  if (state === 'unprotected') return 'badgeOff';
  if (state === 'stale') return 'badgeOld';
  return pageAccessMissing ? 'badgeIncomplete' : null;
}
