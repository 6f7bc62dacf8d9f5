/**
 * The median cost of one look-alike `check`, in a process of its own (see runLookalikeBench):
 * the extension checks URLs in a service worker's isolate, which holds the detector, not the
 * million list entries and page models that the bench's other sections build and drop in
 * this process. Timed there, their collection lands in these passes and doubled even the
 * parse baseline (1.6 µs against 0.8 µs). Reads the protected names as the list carries them
 * (JSON) and the hosts to time, one per line, from the files given; prints
 * {"checkNs": …, "checkFirstNs": …, "parseNs": …} on stdout.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'tldts';
import { createLookalikeDetector, parseProtectedNames } from '../../shared/lookalike/index';

const [namesPath, hostsPath] = process.argv.slice(2) as [string, string];
const detector = createLookalikeDetector({
  protectedNames: parseProtectedNames(JSON.parse(readFileSync(namesPath, 'utf8')) as unknown),
});
const hosts = readFileSync(hostsPath, 'utf8').split('\n').filter(Boolean);

/** Nanoseconds per host of one pass over `hosts`. */
function passNs(check: (url: string) => unknown): number {
  const start = process.hrtime.bigint();
  for (const h of hosts) check(`https://${h}/`);
  return Number(process.hrtime.bigint() - start) / hosts.length;
}

/**
 * Passes before the timed ones. The JIT keeps tiering the rules up for some 50,000 checks:
 * timed after one pass, the figure took in half of that and came out near twice the settled
 * one.
 */
const WARM_PASSES = 20;

/** The first pass (a worker just woken), then the median of 15 once the JIT has settled. */
function timings(check: (url: string) => unknown): { first: number; settled: number } {
  const first = passNs(check);
  for (let pass = 1; pass < WARM_PASSES; pass++) passNs(check);
  const samples = Array.from({ length: 15 }, () => passNs(check)).sort((a, b) => a - b);
  return { first, settled: samples[Math.floor(samples.length / 2)]! };
}

const check = timings((url) => detector.check(url));
// Same-run baseline: what any check pays before a rule runs (URL parsing, public suffix).
const parseOnly = timings((url) => parse(new URL(url).hostname));
console.log(
  JSON.stringify({ checkNs: check.settled, checkFirstNs: check.first, parseNs: parseOnly.settled }),
);
