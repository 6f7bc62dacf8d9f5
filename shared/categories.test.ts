import { describe, expect, it } from 'vitest';
import { CATEGORIES, isCategory } from './categories';

describe('categories', () => {
  it('accepts every known category and nothing else', () => {
    for (const c of CATEGORIES) expect(isCategory(c)).toBe(true);
    for (const v of ['', 'Phishing', 'toString', 42, null, undefined])
      expect(isCategory(v)).toBe(false);
  });
});
