import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import shipped from '../../data/content-model.json';
import { classifyPage } from './classify-page';
import { parseContentModel } from './content-model';
import { EXTRACT_LIMITS, FIELD_KINDS, PAGE_SIGNALS, parsePageExtract } from './page-extract';

const model = parseContentModel(shipped);

describe('parsePageExtract', () => {
  it('cuts every string and list to its bound and drops unknown signals', () => {
    const page = parsePageExtract({
      host: 'EXAMPLE.com',
      title: 't'.repeat(5000),
      text: 'x'.repeat(100_000),
      fields: Array.from({ length: 100 }, () => ({ kind: 'card', label: 'l'.repeat(500) })),
      buttons: Array.from({ length: 500 }, () => 'b'.repeat(500)),
      signals: ['payment', 'payment', 'teleport'],
    });
    expect(page.host).toBe('example.com');
    expect(page.title).toHaveLength(EXTRACT_LIMITS.title);
    expect(page.text).toHaveLength(EXTRACT_LIMITS.text);
    expect(page.fields).toHaveLength(EXTRACT_LIMITS.fields);
    expect(page.fields[0]!.label).toHaveLength(EXTRACT_LIMITS.fieldLabel);
    expect(page.buttons).toHaveLength(EXTRACT_LIMITS.buttons);
    expect(page.signals).toEqual(['payment']);
  });

  it.each([
    ['no object', 'page'],
    [
      'a text that is not a string',
      { host: 'a', title: '', text: 5, fields: [], buttons: [], signals: [] },
    ],
    [
      'an unknown field kind',
      {
        host: 'a',
        title: '',
        text: '',
        fields: [{ kind: 'dna', label: '' }],
        buttons: [],
        signals: [],
      },
    ],
    [
      'fields that are not a list',
      { host: 'a', title: '', text: '', fields: {}, buttons: [], signals: [] },
    ],
  ])('refuses %s', (_what, raw) => {
    expect(() => parsePageExtract(raw)).toThrow(TypeError);
  });
});

// Whatever a page makes the content script send, parsing either refuses it with a TypeError
// or yields an extract the classifier judges within a bound, without throwing.
describe('content check on arbitrary input', () => {
  const extract = fc.record({
    host: fc.string({ maxLength: 300 }),
    title: fc.string({ maxLength: 400 }),
    text: fc.oneof(
      fc.string({ maxLength: 30_000 }),
      fc.string({ unit: 'grapheme', maxLength: 3000 }),
    ),
    fields: fc.array(
      fc.record({ kind: fc.constantFrom(...FIELD_KINDS), label: fc.string({ maxLength: 200 }) }),
      { maxLength: 60 },
    ),
    buttons: fc.array(fc.string({ maxLength: 100 }), { maxLength: 100 }),
    signals: fc.array(fc.constantFrom(...PAGE_SIGNALS, 'bogus')),
  });

  // A bound against runaway work (a pattern that backtracks, a loop over a quadratic
  // structure), loose enough that a garbage collection or a busy CI core cannot trip it;
  // how fast a page is judged is measured by `npm run bench`, not here.
  const BOUND_MS = 250;

  it(`classifies any well-formed extract in under ${BOUND_MS} ms without throwing`, () => {
    fc.assert(
      fc.property(extract, fc.boolean(), (raw, institutionHost) => {
        const started = performance.now();
        const verdict = classifyPage(parsePageExtract(raw), { model, institutionHost });
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        expect(typeof verdict.suspicious).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses malformed input only with a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        try {
          parsePageExtract(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
        }
      }),
    );
  });

  it(`judges the largest page the script may send in under ${BOUND_MS} ms`, () => {
    const big = parsePageExtract({
      host: 'example.com',
      title: '标题',
      text: '安全账户 transfer 退款 '.repeat(2000),
      fields: [],
      buttons: [],
      signals: [],
    });
    const started = performance.now();
    classifyPage(big, { model });
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });
});
