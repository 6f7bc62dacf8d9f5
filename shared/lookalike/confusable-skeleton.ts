import { CONFUSABLES_TABLE } from './confusables-table';

/**
 * Look-alike keys for host labels, after Unicode's confusable "skeleton" (UTS #39 §4).
 *
 * The table is generated from confusables.txt (scripts/generate-confusables.ts): every
 * character whose prototype is made of ASCII letters or digits, ~2,000 of its ~6,300 entries,
 * ~6 KB. The rest map between non-Latin scripts and cannot imitate a Latin domain.
 */
/**
 * Lowercase look-alikes that confusables.txt lacks. The URL parser lowercases hosts, so the
 * table's capital Κ and К arrive as κ and к, which it does not list. Chrome's IDN spoof checker
 * supplements confusables.txt with these letters (idn_spoof_checker.cc) for the same reason.
 */
const LOWERCASE_EXTRAS = 'k:κкқҝҟҡĸ n:пŋ t:тŧ b:ьв h:ħнћ m:м w:ωш e:є r:ґ f:ғ o:ø d:đ l:ł p:þ';

const CONFUSABLES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of `${CONFUSABLES_TABLE} ${LOWERCASE_EXTRAS}`.split(' ')) {
    const colon = group.indexOf(':');
    const target = group.slice(0, colon);
    // The hand-written extras come last and win: they fix what the URL parser's lowercasing does.
    for (const source of group.slice(colon + 1)) map.set(source, target);
  }
  return map;
})();

// Marks (accents) are dropped so that "àpplé" keys like "apple": UTS #39 keeps them, but in a
// domain they are the classic way to fake a Latin brand, as Chrome's IDN spoof checker knows.
const MARKS = /\p{M}/gu;
// Invisible characters that some fonts and older parsers let through.
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;

/** The UTS #39-style skeleton of a label: compatibility-decomposed, unaccented, de-confused. */
export function confusableSkeleton(label: string): string {
  if (NON_ASCII.test(label)) return unicodeSkeleton(label);
  // ASCII: most hosts on most navigations, already lowercase from the URL parser. Regexes, not
  // a loop over the characters: labels arrive in several of V8's string layouts (sliced, joined,
  // two bytes a character...), so a loop's per-character charCodeAt cannot be specialised.
  return CAPITAL.test(label) ? label.toLowerCase() : label;
}

const NON_ASCII = /[^ -~]/;
const CAPITAL = /[A-Z]/;

function unicodeSkeleton(label: string): string {
  let out = '';
  for (const ch of label.normalize('NFKD').replace(MARKS, '').replace(INVISIBLE, '')) {
    out += CONFUSABLES.get(ch) ?? ch.toLowerCase();
  }
  return out;
}

/**
 * ASCII look-alikes that confusables.txt leaves as they are or maps the other way round:
 * `rn`→`m`, `vv`→`w`, `0`→`o`, and `1`, `i`, `|` → `l` (a capital I is already `l`).
 * Folding both sides makes "paypa1", "rnicrosoft" and "1cbc" equal to the brands they copy.
 */
export function foldAscii(s: string): string {
  // Most pieces hold none of these: return them as they are, without building a copy.
  if (!FOLDED.test(s)) return s;
  // A hand loop, not four regex replaces: it runs for many pieces of many hosts. Over the
  // characters with for-of rather than s[i], which cannot be specialised for the several string
  // layouts the pieces arrive in (see confusableSkeleton).
  let out = '';
  let previous = '';
  for (const c of s) {
    if ((previous === 'r' && c === 'n') || (previous === 'v' && c === 'v')) {
      // The pair is one letter: take back the r or v just written.
      out = out.slice(0, -1) + (c === 'n' ? 'm' : 'w');
      previous = '';
    } else {
      out += c === '0' ? 'o' : c === '1' || c === 'i' || c === '|' ? 'l' : c;
      previous = c;
    }
  }
  return out;
}

const FOLDED = /rn|vv|[01i|]/;

/** The key under which labels and brand tokens are compared: skeleton, then ASCII folds. */
export function lookalikeKey(label: string): string {
  return foldAscii(confusableSkeleton(label));
}
