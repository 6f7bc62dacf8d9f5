import { describe, expect, it } from 'vitest';
import { welcomeOnInstall } from './welcome-on-install';

describe('welcomeOnInstall', () => {
  it.each([
    ['normal', false, true],
    ['normal', true, true],
    ['development', false, true],
    // Force-installed by an administrator without page access: the offer is still made.
    ['admin', false, true],
    // Force-installed with page access already there: nothing to offer, no interruption.
    ['admin', true, false],
  ])('install type %s, page access %s: opens the page %s', (type, access, opens) => {
    expect(welcomeOnInstall(type, access)).toBe(opens);
  });
});
