import { describe, expect, it } from 'vitest';
import { protectionBadgeKey } from './protection-badge-key';

describe('protectionBadgeKey', () => {
  it.each([
    ['protected', false, null],
    ['protected', true, 'badgeIncomplete'],
    ['stale', false, 'badgeOld'],
    // A stale list is the bigger gap: it is what the badge names.
    ['stale', true, 'badgeOld'],
    ['unprotected', true, 'badgeOff'],
  ] as const)('list %s, required page access missing %s: %s', (state, missing, key) => {
    expect(protectionBadgeKey(state, missing)).toBe(key);
  });
});
