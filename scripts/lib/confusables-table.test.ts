import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confusablesModule, confusablesTable } from './confusables-table';

describe('confusablesTable', () => {
  const groups = new Map(
    confusablesTable()
      .split(' ')
      .map((g) => [g.slice(0, g.indexOf(':')), [...g.slice(g.indexOf(':') + 1)]] as const),
  );

  it.each([
    ['a', 'а'], // Cyrillic а
    ['i', 'і'], // Cyrillic і, which the old hand-picked subset lacked in places
    ['o', 'ο'], // Greek omicron
    ['p', 'р'],
    ['k', 'к'], // lowercase Cyrillic к, listed in confusables.txt only as a capital
    ['t', 'т'],
    ['i', 'ӏ'], // Cyrillic palochka (confusables.txt 13.0.0 says i)
    ['a', '𝐚'], // mathematical bold
  ])('maps to %s the look-alike %s', (target, source) => {
    expect(groups.get(target)).toContain(source);
  });

  it('keeps only characters that can pass for ASCII letters and digits', () => {
    for (const [target, sources] of groups) {
      expect(target).toMatch(/^[a-z0-9]+$/);
      for (const s of sources) expect(s.charCodeAt(0)).toBeGreaterThan(0x7f);
    }
  });

  it('matches the committed shared/lookalike/confusables-table.ts (run scripts/generate-confusables.ts)', () => {
    const committed = readFileSync(
      new URL('../../shared/lookalike/confusables-table.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(confusablesModule());
  });
});
