/**
 * Whether two letters or digits sit next to each other on a QWERTY keyboard: the wrong key a
 * finger actually hits ("paypsl", "amazom"), as opposed to any letter at all, which turns honest
 * names into brands ("openset" is not OpenSea, "metacask" is not MetaMask).
 */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      let near = (row[c - 1] ?? '') + (row[c + 1] ?? '');
      // Staggered rows: the key above-left/above and below/below-left.
      for (const [other, from] of [
        [ROWS[r - 1], c],
        [ROWS[r + 1], c - 1],
      ] as const) {
        if (other) near += (other[from] ?? '') + (other[from + 1] ?? '');
      }
      map.set(row[c]!, near);
    }
  });
  return map;
})();

export function keyboardNeighbours(a: string, b: string): boolean {
  // `b` is one character; an empty one (past the end of a word) is no key at all.
  return b.length === 1 && (NEIGHBOURS.get(a)?.includes(b) ?? false);
}
