import { parse } from 'tldts';
import { confusableSkeleton, lookalikeKey } from './confusable-skeleton';
import { GatedMap, GatedSet } from './gated-map';
import type { ProtectedName } from './protected-names';

/**
 * Everything `check` looks up, precomputed once so that a navigation costs a handful of Map
 * lookups: protected domains, brand tokens by look-alike key, typo candidates bucketed by
 * first letter, and protected domains as token sequences for spotting "paypal.com-login".
 */

/** How much a brand token can carry on its own (see the rules in create-lookalike-detector). */
export type TokenStrength = 'distinctive' | 'short' | 'common';

export interface BrandToken {
  readonly brand: ProtectedName;
  /** The token as written in the list, lowercased ("icbc", "zhifubao"). */
  readonly text: string;
  readonly key: string;
  /** The confusable skeleton without the ASCII folds: what typo distance is measured on. */
  readonly skeleton: string;
  readonly strength: TokenStrength;
}

interface TypoCandidate {
  readonly token: BrandToken;
  /** Bit i set when letter/digit i occurs: a cheap lower bound on the edit distance. */
  readonly mask: number;
}

export interface BrandIndex {
  readonly brands: readonly ProtectedName[];
  /** Protected domains and siblings → their entry. */
  readonly domains: ReadonlyMap<string, ProtectedName>;
  /** Raw lowercased tokens: a label equal to one is the brand itself, never a look-alike. */
  readonly exactTokens: ReadonlySet<string>;
  readonly byKey: ReadonlyMap<string, readonly BrandToken[]>;
  /**
   * Typo-eligible tokens (≥ 5 letters, common words ≥ 6, no digits) by first skeleton char, then
   * by skeleton length: a typed label is only compared with lengths one or two from its own.
   */
  readonly typoByFirst: ReadonlyMap<string, readonly (readonly TypoCandidate[] | undefined)[]>;
  /** Protected domains split into label skeletons, listed under their first label's. */
  readonly domainSequences: ReadonlyMap<string, readonly (readonly [ProtectedName, string[]])[]>;
  /** Chinese names with their entry, for IDN labels written in Chinese. */
  readonly zhNames: readonly (readonly [string, ProtectedName])[];
  /** By skeleton alone, for brands glued to words, where the ASCII folds misfire ("tmailservices"). */
  readonly bySkeleton: ReadonlyMap<string, readonly BrandToken[]>;
  /** Skeletons of 5+ characters with their first two swapped ("apypal"), where that differs. */
  readonly byFirstTwoSwapped: ReadonlyMap<string, readonly BrandToken[]>;
  /** First and last four characters of those skeletons: gates the glued-combo scan. */
  readonly skeletonHeads: ReadonlySet<string>;
  readonly skeletonTails: ReadonlySet<string>;
  /**
   * Skeletons of every protected domain's own label, however short or ordinary ("x", "me",
   * "vip"): an IDN spelled like one is a homoglyph even where the token is too weak to match.
   */
  readonly domainLabels: ReadonlyMap<string, ProtectedName>;
  /** Keys of government tokens ("mps", "chinatax"), for "chinatax-gov.top". */
  readonly governmentKeys: ReadonlyMap<string, ProtectedName>;
}

export function letterMask(key: string): number {
  let mask = 0;
  // for-of, not charCodeAt(i): see damerauLevenshtein. An astral character's second half lands
  // in the "other" bit its first half set already, as it did when read by index.
  for (const ch of key) {
    const c = ch.charCodeAt(0);
    if (c >= 0x61 && c <= 0x7a) mask |= 1 << (c - 0x61);
    else if (c >= 0x30 && c <= 0x39) mask |= 1 << 26;
    else mask |= 1 << 27;
  }
  return mask;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** English names become tokens only when they read as one word in a domain ("Bank of America"). */
function compactName(name: string): string | null {
  return /^[A-Za-z0-9' ]+$/.test(name) ? name.toLowerCase().replace(/[' ]/g, '') : null;
}

export function createBrandIndex(brands: readonly ProtectedName[]): BrandIndex {
  const domains = new GatedMap<ProtectedName>();
  const exactTokens = new GatedSet();
  const byKey = new GatedMap<BrandToken[]>();
  const typoByFirst = new Map<string, TypoCandidate[][]>();
  const domainSequences = new GatedMap<(readonly [ProtectedName, string[]])[]>();
  const zhNames: (readonly [string, ProtectedName])[] = [];
  const governmentKeys = new GatedMap<ProtectedName>();
  const domainLabels = new GatedMap<ProtectedName>();
  const bySkeleton = new GatedMap<BrandToken[]>();
  const byFirstTwoSwapped = new GatedMap<BrandToken[]>();
  const skeletonHeads = new GatedSet();
  const skeletonTails = new GatedSet();

  for (const brand of brands) {
    const common = new Set(brand.commonWords ?? []);
    const texts = new Set<string>();
    for (const domain of [brand.domain, ...brand.siblings]) {
      domains.set(domain, brand);
      const labels = domain.split('.');
      push(domainSequences, labels[0]!, [brand, labels] as const);
      // A domain that is itself a public suffix (gov.cn, gov.uk) has no label of its own.
      const label = parse(domain, { allowPrivateDomains: false }).domainWithoutSuffix;
      if (label) texts.add(label);
      if (label && !domainLabels.has(label)) domainLabels.set(confusableSkeleton(label), brand);
    }
    for (const name of brand.names.en) {
      const compact = compactName(name);
      if (compact) texts.add(compact);
    }
    for (const p of brand.names.pinyin ?? []) texts.add(p.toLowerCase());
    for (const zh of brand.names.zh ?? []) zhNames.push([zh, brand]);

    for (const text of texts) {
      // "x.com", "t.me": a single letter matches everything; "me.com", "vip.com": so do short
      // ordinary words. Their domains stay protected; only the token is dropped.
      if (text.length < 2 || (text.length <= 3 && common.has(text))) continue;
      exactTokens.add(text);
      const key = lookalikeKey(text);
      const strength: TokenStrength = common.has(text)
        ? 'common'
        : text.length <= 3
          ? 'short'
          : 'distinctive';
      const skeleton = confusableSkeleton(text);
      const token: BrandToken = { brand, text, key, skeleton, strength };
      push(byKey, key, token);
      push(bySkeleton, skeleton, token);
      const swapped = skeleton.length >= 5 ? skeleton[1]! + skeleton[0]! + skeleton.slice(2) : '';
      if (swapped && swapped !== skeleton) push(byFirstTwoSwapped, swapped, token);
      if (skeleton.length >= 4) {
        skeletonHeads.add(skeleton.slice(0, 4));
        skeletonTails.add(skeleton.slice(-4));
      }
      if (brand.kind === 'government') governmentKeys.set(key, brand);
      // Digits are left out: "12305" or "10087" are other numbers, not slips of the finger.
      // Ordinary words ("ledger", "stripe") only on abused TLDs, and only from 6 letters on.
      const typoLength = strength === 'common' ? 6 : 5;
      if (skeleton.length >= typoLength && !/\d/.test(text)) {
        const byLength = typoByFirst.get(skeleton[0]!) ?? [];
        typoByFirst.set(skeleton[0]!, byLength);
        (byLength[skeleton.length] ??= []).push({ token, mask: letterMask(skeleton) });
      }
    }
  }
  return {
    brands,
    domains,
    exactTokens,
    byKey,
    typoByFirst,
    domainSequences,
    zhNames,
    bySkeleton,
    byFirstTwoSwapped,
    skeletonHeads,
    skeletonTails,
    governmentKeys,
    domainLabels,
  };
}
