/**
 * The median cost of one look-alike `check`, in a process of its own (see runLookalikeBench):
 * the extension checks URLs in a service worker's isolate, which holds the detector, not the
 * million list entries and page models that the bench's other sections build and drop in
 * this process. Timed there, their collection lands in these passes and doubled even the
 * parse baseline (1.6 µs against 0.8 µs). Reads the protected names as the list carries them
 * (JSON) and the hosts to time, one per line, from the files given; prints
 * {"checkNs": …, "parseNs": …} on stdout.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'tldts';
import { createLookalikeDetector, parseProtectedNames } from '../../shared/lookalike/index';

const [namesPath, hostsPath] = process.argv.slice(2) as [string, string];
const detector = createLookalikeDetector({
  protectedNames: parseProtectedNames(JSON.parse(readFileSync(namesPath, 'utf8')) as unknown),
});
const hosts = readFileSync(hostsPath, 'utf8').split('\n').filter(Boolean);

/** The median over 15 timed passes of `hosts`, after one untimed pass to warm the JIT. */
function medianNs(check: (url: string) => unknown): number {
  for (const h of hosts) check(`https://${h}/`);
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    for (const h of hosts) check(`https://${h}/`);
    samples.push(Number(process.hrtime.bigint() - start) / hosts.length);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const checkNs = medianNs((url) => detector.check(url));
// Same-run baseline: what any check pays before a rule runs (URL parsing, public suffix).
const parseNs = medianNs((url) => parse(new URL(url).hostname));
console.log(JSON.stringify({ checkNs, parseNs }));
