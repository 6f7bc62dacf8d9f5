import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCENARIOS, encodeContentModel } from '../../shared/content';
import { DEFAULT_CONTENT_MODEL } from './content-model-file';
import { browserView } from './browser-view';
import { trainContentModel } from './train-content-model';
import {
  assignSplit,
  HARD_NEGATIVE_KINDS,
  HELD_OUT_FILE_PREFIX,
  readContentCorpus,
  TRAIN_FILE_PREFIX,
} from './content-corpus';

const corpus = await readContentCorpus();
const has = (pred: (s: (typeof corpus)[number]) => boolean): boolean => corpus.some(pred);

/** Every scenario in each language, for the per-scenario counts of the batches. */
const SCENARIO_LANGUAGES = CONTENT_SCENARIOS.flatMap((s) => [
  [s, 'zh'] as const,
  [s, 'en'] as const,
]);

describe('the content corpus', () => {
  it.each(SCENARIO_LANGUAGES)(
    'has %s pages in %s in both the training and the held-out split',
    (scenario, lang) => {
      for (const split of ['train', 'held-out'] as const)
        expect(has((s) => s.label === scenario && s.lang === lang && s.split === split)).toBe(true);
    },
  );

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

describe('the held-out batches (files named held-out-…)', () => {
  const inBatch = (s: (typeof corpus)[number]): boolean => s.file.startsWith(HELD_OUT_FILE_PREFIX);
  const batch = corpus.filter(inBatch);
  const count = (pred: (s: (typeof corpus)[number]) => boolean): number =>
    batch.filter(pred).length;

  it('never lend a page to training, whatever order the files are read in', () => {
    for (const samples of [corpus, assignSplit([...corpus].reverse())])
      expect(samples.filter((s) => inBatch(s) && s.split === 'train').map((s) => s.id)).toEqual([]);
  });

  it('leave the other files split exactly as they would be without the batches', () => {
    const others = corpus.filter((s) => !inBatch(s));
    const split = (xs: typeof corpus): string[] => xs.map((s) => `${s.id}:${s.split}`).sort();
    expect(split(others)).toEqual(split(assignSplit(others)));
  });

  it.each(['zh', 'en'] as const)(
    'hold at least 110 hard negatives in %s, at least 10 of every kind, and 30 ordinary pages',
    (lang) => {
      const negatives = (kind?: string) =>
        count(
          (s) =>
            s.lang === lang &&
            s.label === 'benign' &&
            s.kind !== 'ordinary' &&
            (!kind || s.kind === kind),
        );
      expect(negatives()).toBeGreaterThanOrEqual(110);
      for (const kind of HARD_NEGATIVE_KINDS)
        expect(negatives(kind), kind).toBeGreaterThanOrEqual(10);
      expect(count((s) => s.lang === lang && s.kind === 'ordinary')).toBeGreaterThanOrEqual(30);
    },
  );

  it.each(SCENARIO_LANGUAGES)('hold at least 5 %s pages in %s', (scenario, lang) => {
    expect(count((s) => s.label === scenario && s.lang === lang)).toBeGreaterThanOrEqual(5);
  });

  it('give every held-out page its own host, since the browser tests serve fixtures by host', () => {
    const hosts = corpus.filter((s) => s.split === 'held-out').map((s) => s.page.host);
    expect(hosts.filter((h, i) => hosts.indexOf(h) !== i)).toEqual([]);
  });

  it('put every held-out honest page where the browser tests can load it', () => {
    // Chromium's HSTS preload list holds these whole TLDs, and the browser tests load every
    // held-out honest page over plain HTTP: one under such a TLD never loads.
    const hsts = new Set(
      'app dev page new day foo bank insurance mov zip boo dad esq ing meme phd prof nexus rsvp soy how channel gle google'.split(
        ' ',
      ),
    );
    const hosts = corpus
      .filter((s) => s.split === 'held-out' && s.label === 'benign')
      .map((s) => s.page.host);
    expect(hosts.filter((h) => hsts.has(h.slice(h.lastIndexOf('.') + 1)))).toEqual([]);
    // And in plain ASCII: the browser would show an IDN host as punycode, not as written.
    expect(hosts.filter((h) => !/^[a-z0-9.-]+$/.test(h))).toEqual([]);
  });
});

describe('the training batches (files named train-…)', () => {
  const inBatch = (s: (typeof corpus)[number]): boolean => s.file.startsWith(TRAIN_FILE_PREFIX);
  const batch = corpus.filter(inBatch);
  const count = (pred: (s: (typeof corpus)[number]) => boolean): number =>
    batch.filter(pred).length;

  it('never hold a page out, whatever order the files are read in', () => {
    for (const samples of [corpus, assignSplit([...corpus].reverse())])
      expect(samples.filter((s) => inBatch(s) && s.split === 'held-out').map((s) => s.id)).toEqual(
        [],
      );
  });

  it('leave the other files split exactly as they would be without the batches', () => {
    const others = corpus.filter((s) => !inBatch(s));
    const split = (xs: typeof corpus): string[] => xs.map((s) => `${s.id}:${s.split}`).sort();
    expect(split(others)).toEqual(split(assignSplit(others)));
  });

  it.each(['zh', 'en'] as const)(
    'hold at least 16 hard negatives of every kind in %s and 40 ordinary pages',
    (lang) => {
      for (const kind of HARD_NEGATIVE_KINDS)
        expect(
          count((s) => s.lang === lang && s.kind === kind),
          kind,
        ).toBeGreaterThanOrEqual(16);
      expect(count((s) => s.lang === lang && s.kind === 'ordinary')).toBeGreaterThanOrEqual(40);
    },
  );

  it.each(SCENARIO_LANGUAGES)('hold at least 10 %s pages in %s', (scenario, lang) => {
    expect(count((s) => s.label === scenario && s.lang === lang)).toBeGreaterThanOrEqual(10);
  });

  it('give every page a host of its own, used by no other file', () => {
    const hosts = batch.map((s) => s.page.host);
    const elsewhere = new Set(corpus.filter((s) => !inBatch(s)).map((s) => s.page.host));
    expect(hosts.filter((h, i) => hosts.indexOf(h) !== i || elsewhere.has(h))).toEqual([]);
  });
});

describe('reading a corpus folder', () => {
  const sample = (id: string) => ({
    id,
    label: 'phishing',
    kind: 'phishing',
    lang: 'en',
    source: 'written for this corpus as a test page',
    page: {
      host: `${id}.test`,
      title: 'Sign in',
      text: 'Sign in',
      fields: [],
      buttons: [],
      signals: [],
    },
  });
  const withFiles = async <T>(
    files: Record<string, unknown[]>,
    read: (dir: string) => Promise<T>,
  ): Promise<T> => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    try {
      for (const [name, samples] of Object.entries(files))
        await writeFile(join(dir, name), JSON.stringify(samples));
      return await read(dir);
    } finally {
      await rm(dir, { recursive: true });
    }
  };

  it('gives every id a unique sample across files', () => {
    const ids = corpus.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('refuses two samples with the same id, even in different files', async () => {
    await expect(
      withFiles(
        { 'a.json': [sample('p-1')], [`${HELD_OUT_FILE_PREFIX}b.json`]: [sample('p-1')] },
        (dir) => readContentCorpus(dir),
      ),
    ).rejects.toThrow(/duplicate sample id p-1/);
  });

  it('holds out all of a held-out file and a quarter of each group of the others', async () => {
    const split = await withFiles(
      {
        'scams.json': ['p-1', 'p-2', 'p-3', 'p-4'].map(sample),
        [`${HELD_OUT_FILE_PREFIX}x.json`]: ['q-1', 'q-2'].map(sample),
      },
      (dir) => readContentCorpus(dir),
    );
    const heldOut = (prefix: string) =>
      split.filter((s) => s.id.startsWith(prefix) && s.split === 'held-out').length;
    expect([heldOut('p-'), heldOut('q-')]).toEqual([1, 2]);
  });

  it('trains on all of a train- file and splits the others as if it were not there', async () => {
    const others = { 'scams.json': ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'].map(sample) };
    const splitOf = (files: Record<string, unknown[]>) =>
      withFiles(files, (dir) => readContentCorpus(dir)).then((xs) =>
        xs.map((s) => `${s.id}:${s.split}`).sort(),
      );
    const alone = await splitOf(others);
    const withBatch = await splitOf({
      ...others,
      [`${TRAIN_FILE_PREFIX}x.json`]: ['q-1', 'q-2', 'q-3', 'q-4'].map(sample),
    });
    expect(withBatch).toEqual(
      [...alone, 'q-1:train', 'q-2:train', 'q-3:train', 'q-4:train'].sort(),
    );
  });
});

describe('the shipped model', () => {
  // Training takes about a minute and a half (train-content-model.ts, `EPOCHS`).
  it(
    'is what `npm run train-content` makes of the corpus today (retrain after editing it)',
    {
      timeout: 300_000,
    },
    async () => {
      const trained = encodeContentModel(
        trainContentModel(
          corpus.filter((s) => s.split === 'train').map((s) => ({ ...s, page: browserView(s) })),
          { version: 1 },
        ),
      );
      const shipped: unknown = JSON.parse(await readFile(DEFAULT_CONTENT_MODEL, 'utf8'));
      expect(shipped).toEqual(JSON.parse(JSON.stringify(trained)));
    },
  );
});
