import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHost, canonicalize } from './canonicalize';
import { urlExpressions } from './url-expressions';

// Runs on every navigation, so page-controlled URLs must never throw or stall it.
const HOSTILE = [
  'http://exa\0mple.com/\0\0?\0#\0',
  'http://example.com/%%%25%zz%2%',
  'http://%zz%25%2/',
  'http://' + 'label.'.repeat(300) + 'com/' + 'dir/'.repeat(300),
  'http://example.com/' + '%25'.repeat(10_000),
  'http://example.com/%' + '25'.repeat(10_000),
  'http://example.com/' + '/./../'.repeat(1000),
  'http://' + '9'.repeat(1000) + '/',
  'http://' + '[' + ':'.repeat(1000) + ']/',
  'http://' + '@'.repeat(1000) + 'example.com/',
  '\ud800'.repeat(1000) + '.com/\udfff',
  'http://' + 'é'.repeat(1000) + '.com/',
];
const HUGE = [
  'http://example.com/' + 'a'.repeat(100_000),
  'http://example.com/?' + '%'.repeat(100_000),
  'http://' + 'a.'.repeat(50_000) + 'com/',
  'http://example.com/' + '/./../'.repeat(20_000),
];

describe('hostile input', () => {
  it.each([...HOSTILE, ...HUGE].map((raw) => [raw.slice(0, 40), raw]))(
    'handles %j… without throwing',
    (_, raw) => {
      const canonical = canonicalize(raw);
      expect(canonicalize(canonical)).toBe(canonical);
      expect(urlExpressions(raw).length).toBeLessThanOrEqual(30);
    },
  );

  it('answers 1,000 hostile calls in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++) urlExpressions(HOSTILE[i % HOSTILE.length]!);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stays linear on 100 KB URLs', () => {
    const started = performance.now();
    for (let i = 0; i < 40; i++) urlExpressions(HUGE[i % HUGE.length]!);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('shrugs off values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(canonicalize(value as unknown as string)).toBe('');
      expect(urlExpressions(value as unknown as string)).toEqual([]);
      expect(canonicalHost(value as unknown as string)).toBe('');
    }
  });
});

describe('canonical form', () => {
  const urlish = fc.string({
    unit: fc.constantFrom(
      ...['%', '2', '5', 'e', 'F', '3', '/', '\\', '.', '?', '#', '@', ':', '[', ']'],
      ...['a', 'X', '0', '1', ' ', '\t', '\0', 'é', 'а', '。', 'http://', 'https://', '0x'],
    ),
    maxLength: 30,
  });
  const anyString = fc.string({ unit: 'binary', maxLength: 60 });
  const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

  it.each([
    ['arbitrary strings', anyString],
    ['URL-like strings', urlish],
    ['web URLs', webUrl],
  ])('is stable for %s: canonicalizing twice changes nothing', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const canonical = canonicalize(raw);
        expect(canonicalize(canonical)).toBe(canonical);
        expect(urlExpressions(canonical)).toEqual(urlExpressions(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every web URL', () => {
    fc.assert(
      fc.property(webUrl, (raw) => {
        expect(canonicalize(raw)).toMatch(/^https?:\/\/[^/]+\//);
      }),
    );
  });
});
