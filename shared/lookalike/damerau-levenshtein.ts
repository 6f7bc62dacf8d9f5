/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), capped:
 * returns `max + 1` as soon as the distance must exceed `max`. Labels are at most 63 characters
 * and the caps used are 1 or 2, so a plain three-row DP with an early exit costs well under a
 * microsecond; no library does the cap and it is the whole point. The rows are reused between
 * calls (this runs for several candidates on every navigation) and grow for longer input.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;
/**
 * The two strings' characters as numbers, read once with for-of: indexing the strings in the
 * DP (a[i], b[j]) read them once per cell, and those reads cannot be specialised for the several
 * string layouts that labels and brand tokens arrive in.
 */
let codesA = new Int32Array(64);
let codesB = new Int32Array(64);

/** UTF-16 code units, as `s[i]` compares them: for-of gives an astral character as two. */
function readCodes(s: string, into: Int32Array): number {
  let n = 0;
  for (const ch of s) {
    into[n++] = ch.charCodeAt(0);
    if (ch.length === 2) into[n++] = ch.charCodeAt(1);
  }
  return n;
}

export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (b.length >= rows[0].length || a.length >= codesA.length) {
    const size = Math.max(a.length, b.length) + 1;
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    codesA = new Int32Array(size);
    codesB = new Int32Array(size);
  }
  const n = readCodes(a, codesA);
  const m = readCodes(b, codesB);
  let prevPrev = rows[0];
  let prev = rows[1];
  let row = rows[2];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = codesA[i - 1] === codesB[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && codesA[i - 1] === codesB[j - 2] && codesA[i - 2] === codesB[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  return Math.min(prev[m]!, max + 1);
}
