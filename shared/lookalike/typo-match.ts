import { letterMask, type BrandIndex, type BrandToken } from './brand-index';
import { damerauLevenshtein } from './damerau-levenshtein';
import { keyboardNeighbours } from './keyboard-neighbours';
import { ORDINARY_WORD_TYPOS } from './ordinary-word-typos';

/** Set bits of `n`, counted in parallel: constant time, where a loop ran once per set bit. */
function popcount(n: number): number {
  const pairs = n - ((n >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Typo rules, scaled by the brand token's length so that short names do not match everything:
 * - below 5 characters, on either side: none (honest 4-letter names sit one edit from "citi",
 *   "bing", "visa", and "boom" one dropped letter from "bocom");
 * - 5: one dropped letter, one doubled letter or one swap of neighbours ("gmial", "amazn");
 * - 6–9: also one letter struck with its keyboard neighbour, one of the same sound or one that
 *   looks the same at a glance, or a neighbour's key hit as well ("paypsl", "micrps0ft",
 *   "kuqoin", "facedook"), but not any other letter: "metacask" and "openset" are honest names
 *   (MetaMask's allowlist is full of them); 10–13: any two edits ("bankofamrca"); 14 and more:
 *   three (`editsAllowed`).
 * On an abused TLD (`cheap`) the TLD already speaks against the site, so the bar drops one step:
 * 5-letter names take keyboard slips too, and a typed label may have 4 letters ("yaho.top").
 * Ordinary-word brands of 6+ letters ("ledger", "stripe") are typo-matched on an abused TLD,
 * and elsewhere from 7 letters when the typed label is no English word either
 * (`ordinaryWordTypo`).
 * The first character must match, or the first two be swapped ("apypal"): other changed first
 * letters are rare in real typosquats and turn "tmall" into "small". Distance is measured on
 * skeletons, before the ASCII folds, so that the fold's i→l does not stack with a typo.
 * The letter-set mask rejects most candidates before the DP runs.
 */
export function typoMatch(skeleton: string, index: BrandIndex, cheap: boolean): BrandToken | null {
  if (skeleton.length < (cheap ? 4 : 5)) return null;
  const firstTwo = index.byFirstTwoSwapped
    .get(skeleton)
    ?.find((t) => cheap || t.strength !== 'common' || ordinaryWordTypo(skeleton, t));
  if (firstTwo) return firstTwo;
  const byLength = index.typoByFirst.get(skeleton[0]!);
  if (!byLength) return null;
  const mask = letterMask(skeleton);
  for (let length = skeleton.length - 3; length <= skeleton.length + 3; length++) {
    const max = editsAllowed(length);
    if (Math.abs(length - skeleton.length) > max) continue;
    // Most lengths hold no candidate under this first letter: no empty list to walk.
    const candidates = byLength[length];
    if (!candidates) continue;
    for (const { token, mask: other } of candidates) {
      if (popcount(mask ^ other) > 2 * max) continue;
      if (!isTypoOf(skeleton, token.skeleton, cheap)) continue;
      if (anotherMailName(skeleton, token.skeleton)) continue;
      if (token.strength === 'common' && !cheap && !ordinaryWordTypo(skeleton, token)) continue;
      return token;
    }
  }
  return null;
}

/**
 * A mail service named with a few letters before "mail" (Gmail, Hotmail), typed with "mail"
 * whole and those letters changed: another service's name of its own ("hitmail.com",
 * "gbmail.top": near-misses in the tune split and the benign list), in a name space full of
 * them. Slips in "mail" itself ("gmial", "hotmial", "gmaill") stay typos, and so do names with
 * more before "mail" ("royalmail"), where one letter changed still leaves them readable.
 */
function anotherMailName(typed: string, meant: string): boolean {
  return meant.length <= 7 && meant.endsWith('mail') && typed.endsWith('mail');
}

/**
 * Whether `typed` is a typo of `meant` (both skeletons, lengths within the distance allowed,
 * first letters already checked): two edits from 10 letters, three from 14, below 10 one slip of
 * the finger.
 */
export function isTypoOf(typed: string, meant: string, cheap: boolean): boolean {
  const max = editsAllowed(meant.length);
  const d = damerauLevenshtein(typed, meant, max);
  if (d === 0 || d > max) return false;
  return meant.length >= 10 || slipOfTheFinger(typed, meant, cheap);
}

/**
 * Edits a typo of a name this long may make. Three from 14 letters: "steamcommunity" is typed
 * wrong three times over to get past a filter ("steamcomnunjilty", "steamconmunuitu", 7 in the
 * tune feeds, no near-miss, benign or real-host alarm added), and a name that long keeps
 * eleven letters of its own.
 */
function editsAllowed(length: number): number {
  return length >= 14 ? 3 : length >= 10 ? 2 : 1;
}

/**
 * Whether a whole piece misspells `word` by one slip ("acount", "suport", "bnking"): pieces of
 * 6+ letters and words of 5+, the first letter kept; shorter ones are a letter from too much
 * ("secur" and "sure"). How lure words and trade words are read when not spelled right.
 */
export function misspells(key: string, word: string): boolean {
  return (
    key.length >= 6 &&
    word.length >= 5 &&
    word[0] === key[0] &&
    Math.abs(word.length - key.length) <= 1 &&
    isTypoOf(key, word, false)
  );
}

/**
 * Ordinary-word names this long are typo-matched off an abused TLD too. At six letters an
 * ordinary word has too many honest near-spellings ("ldeger" stays a question for the TLD).
 */
export const ORDINARY_TYPO_LENGTH = 7;

/**
 * A typo of an ordinary-word brand off an abused TLD: only when the typed label is no English
 * word either. One slip from "customs" or "stripe" lie "custom" and "stripes", which is why
 * these names were left out of the typo rules; "bjockchain" and "blockclhain" (tune feed) are
 * no words, and no honest name in the near-miss, benign or real-host lists is such a non-word
 * typo of one (tune: 2 more look-alikes caught, no alarm added). Only for the names the
 * generated table was built for (`ORDINARY_TYPO_LENGTH` letters and more): one added to the
 * protected names later (they also arrive with the list) keeps the old rule until the table is
 * regenerated for it.
 */
function ordinaryWordTypo(typed: string, token: BrandToken): boolean {
  const words = ORDINARY_WORD_TYPOS.get(token.skeleton);
  if (words === undefined || words.has(typed)) return false;
  // The slip must leave the name's last letter in place: a word's ending is where it inflects
  // into forms no list holds, and a word cut short before its TLD is a domain hack
  // ("telegra.ph", Telegram's own publishing site, in the benign list).
  return (
    typed.charCodeAt(typed.length - 1) === token.skeleton.charCodeAt(token.skeleton.length - 1)
  );
}

/**
 * One letter dropped, doubled, swapped with its neighbour, or (for 6+ letters, or 5 with `cheap`)
 * struck with or beside its keyboard neighbour, or replaced by one of the same sound or one seen
 * alike (given distance 1).
 */
function slipOfTheFinger(typed: string, meant: string, cheap: boolean): boolean {
  if (typed.length < meant.length) return true;
  let i = 0;
  while (i < meant.length && typed[i] === meant[i]) i++;
  const keys = meant.length >= (cheap ? 5 : 6);
  const c = typed[i]!;
  if (typed.length > meant.length) {
    if (c === typed[i - 1] || c === typed[i + 1]) return true;
    return (
      keys &&
      (keyboardNeighbours(c, typed[i - 1] ?? '') || keyboardNeighbours(c, typed[i + 1] ?? ''))
    );
  }
  if (c === meant[i + 1] && typed[i + 1] === meant[i]) return true;
  return (
    keys &&
    typed.slice(i + 1) === meant.slice(i + 1) &&
    (keyboardNeighbours(c, meant[i]!) || mistaken(c, meant[i]!))
  );
}

/**
 * Letters taken for one another that the keyboard test misses, as unordered pairs (`mistaken`):
 * - of one sound: c, k and q, the hard c spelled as heard ("kuqoin" in the tune feed; 1 more
 *   caught, no alarm added). Vowels for one another were tried and turned an honest
 *   disposable-mail name in the benign list ("hotmeil") into Hotmail; s and z sit side by side
 *   already;
 * - seen alike at a glance, mirror images and near-twins of the small letters: b and d, p and q,
 *   q and g, u and v, c and e ("facedook.cf" in the fresh tune hosts; 1 more caught, no alarm
 *   added). The confusables table's skeleton folds only what Unicode counts as the same glyph
 *   ("rn" for "m", "0" for "o"); these are different letters a reader still takes for the brand's.
 */
const MISTAKEN = new Set(['ck', 'cq', 'kq', 'bd', 'pq', 'qg', 'uv', 'ce']);

function mistaken(a: string, b: string): boolean {
  return MISTAKEN.has(a + b) || MISTAKEN.has(b + a);
}

/** The shortest name `anySlip` reads: at five letters one edit reaches too many honest words. */
const ANY_SLIP = 6;

/**
 * A distinctive name of 6–9 letters with any one letter changed, dropped or added, the first kept
 * ("paypel", "payqal", "paiypal" in the tune feeds): wider than `typoMatch`, which keeps to the
 * slips a keyboard makes, because its caller asks for a lure word beside it. On its own such a
 * label is as often an honest name ("metacask", "openset"); with "login" or "verify" hyphened
 * beside it, it is the brand misspelt to slip past exact matching.
 */
export function anySlip(skeleton: string, index: BrandIndex): BrandToken | null {
  if (skeleton.length < ANY_SLIP - 1) return null;
  const byLength = index.typoByFirst.get(skeleton[0]!);
  if (!byLength) return null;
  const mask = letterMask(skeleton);
  for (let length = skeleton.length - 1; length <= skeleton.length + 1; length++) {
    if (length < ANY_SLIP || length >= 10) continue;
    for (const { token, mask: other } of byLength[length] ?? []) {
      if (token.strength !== 'distinctive' || popcount(mask ^ other) > 2) continue;
      if (damerauLevenshtein(skeleton, token.skeleton, 1) === 1) return token;
    }
  }
  return null;
}
