import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTENT_CLASSES,
  parsePageExtract,
  type ContentClass,
  type PageExtract,
} from '../../shared/content';
import { hashFeature } from '../../shared/content/page-features';

/**
 * The labelled page corpus (data/content-corpus/*.json, described in its README). Every
 * sample is authored for the corpus and says after which public pattern it was written
 * (`source`). The held-out split is fixed by the sample id alone, so the same pages stay out
 * of training on every run; files named `held-out-…` are held out whole and files named
 * `train-…` are trained on whole.
 */
export const CONTENT_CORPUS_DIR = fileURLToPath(
  new URL('../../data/content-corpus/', import.meta.url),
);

export const HARD_NEGATIVE_KINDS = [
  'fraud-news',
  'anti-fraud-notice',
  'gov-anti-fraud',
  'shop-help',
  'loan-comparison',
  'lottery-results',
  'investment-news',
] as const;

/**
 * Files whose name starts with this hold a batch written only to be measured on: every page
 * in them is held out, and they take no part in the hashed split of the other files, so
 * adding a batch moves no page of the others between training and held-out.
 */
export const HELD_OUT_FILE_PREFIX = 'held-out-';

/**
 * Files whose name starts with this hold a batch written only to be trained on: every page in
 * them is in training, and, like a held-out batch, they take no part in the hashed split, so
 * adding one moves no page of the other files between training and held-out.
 */
export const TRAIN_FILE_PREFIX = 'train-';

export interface CorpusSample {
  readonly id: string;
  readonly label: ContentClass;
  /** The scenario for scams; the hard-negative kind or `ordinary` for benign pages. */
  readonly kind: string;
  readonly lang: 'zh' | 'en';
  readonly source: string;
  readonly page: PageExtract;
  /** The corpus file it was read from, e.g. `scams-zh.json`. */
  readonly file: string;
  readonly split: 'train' | 'held-out';
}

function parseSample(raw: unknown, file: string, where: string): Omit<CorpusSample, 'split'> {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { id, label, kind, lang, source } = r;
  if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) throw new TypeError(`${where}: bad id`);
  if (!(CONTENT_CLASSES as readonly unknown[]).includes(label))
    throw new TypeError(`${where} (${id}): bad label`);
  if (typeof kind !== 'string') throw new TypeError(`${where} (${id}): bad kind`);
  if (
    label === 'benign' &&
    kind !== 'ordinary' &&
    !(HARD_NEGATIVE_KINDS as readonly string[]).includes(kind)
  )
    throw new TypeError(`${where} (${id}): unknown hard-negative kind ${kind}`);
  if (label !== 'benign' && kind !== label) throw new TypeError(`${where} (${id}): kind ≠ label`);
  if (lang !== 'zh' && lang !== 'en') throw new TypeError(`${where} (${id}): bad lang`);
  if (typeof source !== 'string' || source.length < 10)
    throw new TypeError(`${where} (${id}): every sample says where its text comes from`);
  return {
    id,
    label: label as ContentClass,
    kind,
    lang,
    source,
    page: parsePageExtract(r.page),
    file,
  };
}

const inHeldOutFile = (s: Pick<CorpusSample, 'file'>): boolean =>
  s.file.startsWith(HELD_OUT_FILE_PREFIX);
const inTrainFile = (s: Pick<CorpusSample, 'file'>): boolean =>
  s.file.startsWith(TRAIN_FILE_PREFIX);

/**
 * Every page of a `held-out-…` file is held out and every page of a `train-…` file is
 * trained on; of the other files, a quarter of every (label, kind, language) group, chosen by
 * a hash of the id, is held out.
 */
export function assignSplit(samples: readonly Omit<CorpusSample, 'split'>[]): CorpusSample[] {
  const groups = new Map<string, Omit<CorpusSample, 'split'>[]>();
  for (const s of samples.filter((s) => !inHeldOutFile(s) && !inTrainFile(s))) {
    const key = `${s.label}/${s.kind}/${s.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const heldOut = new Set<string>();
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => hashFeature(a.id) - hashFeature(b.id));
    for (const s of ordered.slice(0, Math.ceil(group.length / 4))) heldOut.add(s.id);
  }
  return samples.map((s) => ({
    ...s,
    split: inHeldOutFile(s) || heldOut.has(s.id) ? 'held-out' : 'train',
  }));
}

export async function readContentCorpus(dir = CONTENT_CORPUS_DIR): Promise<CorpusSample[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const samples: Omit<CorpusSample, 'split'>[] = [];
  for (const file of files) {
    const raw: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
    if (!Array.isArray(raw)) throw new TypeError(`${file}: expected an array of samples`);
    raw.forEach((r, i) => samples.push(parseSample(r, file, `${file}[${i}]`)));
  }
  const ids = new Set<string>();
  for (const s of samples) {
    if (ids.has(s.id)) throw new TypeError(`duplicate sample id ${s.id}`);
    ids.add(s.id);
  }
  return assignSplit(samples);
}
