import type { Category } from '../categories';
import { hash64Into, hashOut } from './hash64';

/**
 * One list entry: a Safe Browsing expression (`evil.com/` = the domain and all its
 * subdomains, `evil.com/path/` = a path prefix, `evil.com/p.html?x=1` = one URL).
 * Allow entries carry the catch-all category `scam`; it is never shown to anyone.
 */
export interface ListEntry {
  expression: string;
  category: Category;
  source: string;
  action: 'block' | 'allow';
}

/** Seed of the hash that orders entries and assigns pages; fixed so the order is canonical. */
export const ORDER_SEED = 0;

/** The 32-bit order key of an expression (its page is the key's top bits). */
export function orderKey(expression: string): number {
  hash64Into(expression, ORDER_SEED);
  return hashOut.hi;
}

/**
 * Sorts entries into the canonical order: by order key, then by expression. Hash order
 * (not alphabetical) means the file's pages are contiguous runs of it, so decoding a
 * snapshot yields the canonical list with no sort, and delta removal indexes line up.
 */
export function sortEntries<T extends { expression: string }>(entries: readonly T[]): T[] {
  const n = entries.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = orderKey(entries[i]!.expression);
  let order: ArrayLike<number>;
  if (n <= 2 ** 21) {
    // key · 2^21 + index stays below 2^53, so one numeric typed-array sort does it (~10× a comparator sort).
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keys[i]! * 2 ** 21 + i;
    packed.sort();
    order = packed.map((v) => v % 2 ** 21);
  } else {
    order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  }
  const out = new Array<T>(n);
  const sortedKeys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = entries[order[i]!]!;
    sortedKeys[i] = keys[order[i]!]!;
  }
  // Equal keys are rare (~n²/2³³ pairs); order those runs by expression.
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sortedKeys[j] === sortedKeys[i]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort((a, b) => compareStrings(a.expression, b.expression));
      for (let k = 0; k < run.length; k++) out[i + k] = run[k]!;
    }
    i = j;
  }
  return out;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `b` comes after `a` in canonical order. */
export function inCanonicalOrder(a: string, b: string): boolean {
  const ka = orderKey(a);
  const kb = orderKey(b);
  return ka < kb || (ka === kb && a < b);
}
