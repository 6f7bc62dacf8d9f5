import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ordinaryWordTypos, ordinaryWordTyposModule } from './ordinary-word-typos';

describe('ordinaryWordTypos', () => {
  const table = ordinaryWordTypos();

  it.each([
    ['customs', 'custom'], // a dropped letter
    ['customs', 'custos'],
  ])('lists beside %s the word %s', (name, word) => {
    expect(table.get(name)).toContain(word);
  });

  it('lists the names with no word one typo away, and no distinctive or short one', () => {
    expect(table.get('blockchain')).toEqual([]);
    expect(table.has('paypal')).toBe(false);
    expect(table.has('ledger')).toBe(false);
  });

  it('matches the committed shared/lookalike/ordinary-word-typos.ts (run scripts/generate-ordinary-word-typos.ts)', () => {
    const committed = readFileSync(
      new URL('../../shared/lookalike/ordinary-word-typos.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(ordinaryWordTyposModule());
  });
});
