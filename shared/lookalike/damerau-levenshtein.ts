/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), capped:
 * returns `max + 1` as soon as the distance must exceed `max`. Labels are at most 63 characters
 * and the caps used are 1 or 2, so a plain three-row DP with an early exit costs well under a
 * microsecond; no library does the cap and it is the whole point. The rows are reused between
 * calls (this runs for several candidates on every navigation) and grow for longer input.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (b.length >= rows[0].length) {
    const size = b.length + 1;
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let prevPrev = rows[0];
  let prev = rows[1];
  let row = rows[2];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
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
  return Math.min(prev[b.length]!, max + 1);
}
