import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCENARIOS, encodeContentModel } from '../../shared/content';
import { DEFAULT_CONTENT_MODEL } from './content-model-file';
import { trainContentModel } from './train-content-model';
import { assignSplit, HARD_NEGATIVE_KINDS, readContentCorpus } from './content-corpus';

const corpus = await readContentCorpus();
const has = (pred: (s: (typeof corpus)[number]) => boolean): boolean => corpus.some(pred);

describe('the content corpus', () => {
  it.each(
    CONTENT_SCENARIOS.flatMap(
      (s) =>
        [
          [s, 'zh'],
          [s, 'en'],
        ] as const,
    ),
  )('has %s pages in %s in both the training and the held-out split', (scenario, lang) => {
    for (const split of ['train', 'held-out'] as const)
      expect(has((s) => s.label === scenario && s.lang === lang && s.split === split)).toBe(true);
  });

  it.each(
    HARD_NEGATIVE_KINDS.flatMap(
      (k) =>
        [
          [k, 'zh'],
          [k, 'en'],
        ] as const,
    ),
  )('has %s hard negatives in %s, some held out', (kind, lang) => {
    expect(has((s) => s.kind === kind && s.lang === lang && s.split === 'train')).toBe(true);
    expect(has((s) => s.kind === kind && s.lang === lang && s.split === 'held-out')).toBe(true);
  });

  it('says for every sample where its text comes from', () => {
    for (const s of corpus) expect(s.source).toMatch(/^written for this corpus/);
  });

  it('holds out the same pages whatever order the files are read in', () => {
    const reversed = assignSplit([...corpus].reverse());
    const heldOut = (xs: typeof corpus): string[] =>
      xs
        .filter((s) => s.split === 'held-out')
        .map((s) => s.id)
        .sort();
    expect(heldOut(reversed)).toEqual(heldOut(corpus));
    expect(heldOut(corpus).length).toBeGreaterThan(corpus.length / 5);
  });
});

describe('the shipped model', () => {
  it('is what `npm run train-content` makes of the corpus today (retrain after editing it)', async () => {
    const trained = encodeContentModel(
      trainContentModel(
        corpus.filter((s) => s.split === 'train'),
        { version: 1 },
      ),
    );
    const shipped: unknown = JSON.parse(await readFile(DEFAULT_CONTENT_MODEL, 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(trained)));
  });
});
