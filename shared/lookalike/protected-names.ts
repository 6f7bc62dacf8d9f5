/**
 * The protected-names list (`data/protected-names.json`): the domains people are phished for.
 * Checked on load so that a hand-edited file with a typo fails loudly in tests and the build,
 * never silently in a user's browser.
 */
export const PROTECTED_KINDS = [
  'bank',
  'payment',
  'shop',
  'mail',
  'social',
  'telecom',
  'government',
  'crypto',
] as const;

export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

export interface ProtectedName {
  readonly id: string;
  readonly names: {
    readonly en: readonly string[];
    readonly zh?: readonly string[];
    readonly pinyin?: readonly string[];
  };
  /** The main registrable domain, e.g. `icbc.com.cn`; a public suffix (`gov.cn`) covers all below. */
  readonly domain: string;
  /** Other domains the same organisation runs; they pass like `domain`. */
  readonly siblings: readonly string[];
  readonly kind: ProtectedKind;
  /**
   * Tokens that are also ordinary words ("apple", "chase", "court"): never matched by typo
   * distance, and combined only with the strongest lure words, so that apples.com and
   * visa-service.com stay quiet.
   */
  readonly commonWords?: readonly string[];
  /**
   * Words that contain the name but are not the brand ("revolution" for Revolut, "interactive"
   * for Interac, "opensearch" for OpenSea): the name inside them is no look-alike.
   */
  readonly wordsContaining?: readonly string[];
}

export interface ProtectedNames {
  readonly version: number;
  readonly names: readonly ProtectedName[];
}

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$|^[a-z]{2,}\.[a-z]{2,}$/;

function strings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new TypeError(`${where}: expected an array of non-empty strings`);
  }
  return value as string[];
}

function optionalStrings(value: unknown, where: string): string[] | undefined {
  return value === undefined ? undefined : strings(value, where);
}

function parseEntry(raw: unknown, index: number): ProtectedName {
  const where = `protected-names[${index}]`;
  if (typeof raw !== 'object' || raw === null) throw new TypeError(`${where}: not an object`);
  const e = raw as Record<string, unknown>;
  if (typeof e.id !== 'string' || !e.id) throw new TypeError(`${where}: missing id`);
  const names = e.names as Record<string, unknown> | undefined;
  if (typeof names !== 'object' || names === null) throw new TypeError(`${where}: missing names`);
  const en = strings(names.en, `${where}.names.en`);
  if (en.length === 0) throw new TypeError(`${where}: needs an English name`);
  const domains = [e.domain, ...strings(e.siblings ?? [], `${where}.siblings`)];
  for (const d of domains) {
    if (typeof d !== 'string' || !DOMAIN.test(d)) throw new TypeError(`${where}: bad domain ${d}`);
  }
  if (!(PROTECTED_KINDS as readonly unknown[]).includes(e.kind)) {
    throw new TypeError(`${where}: bad kind ${String(e.kind)}`);
  }
  const zh = optionalStrings(names.zh, `${where}.names.zh`);
  const pinyin = optionalStrings(names.pinyin, `${where}.names.pinyin`);
  const commonWords = optionalStrings(e.commonWords, `${where}.commonWords`);
  const wordsContaining = optionalStrings(e.wordsContaining, `${where}.wordsContaining`);
  if (wordsContaining?.some((w) => !/^[a-z0-9]+$/.test(w))) {
    throw new TypeError(`${where}.wordsContaining: lowercase letters and digits only`);
  }
  return {
    id: e.id,
    names: { en, ...(zh && { zh }), ...(pinyin && { pinyin }) },
    domain: e.domain as string,
    siblings: domains.slice(1) as string[],
    kind: e.kind as ProtectedKind,
    ...(commonWords && { commonWords }),
    ...(wordsContaining && { wordsContaining }),
  };
}

/** Validates parsed JSON as a protected-names file; throws a TypeError naming the bad entry. */
export function parseProtectedNames(json: unknown): ProtectedNames {
  const file = json as { version?: unknown; names?: unknown } | null;
  if (typeof file?.version !== 'number' || !Array.isArray(file.names)) {
    throw new TypeError('protected-names: expected { version: number, names: [...] }');
  }
  const names = file.names.map(parseEntry);
  const ids = new Set<string>();
  for (const n of names) {
    if (ids.has(n.id)) throw new TypeError(`protected-names: duplicate id ${n.id}`);
    ids.add(n.id);
  }
  return { version: file.version, names };
}
