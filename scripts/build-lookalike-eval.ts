/**
 * Builds the labelled look-alike evaluation set in data/lookalike-eval/ (see its README), once.
 * It must not share a rule with the detector: candidates are found by plain substring and plain
 * Levenshtein distance against the protected names, written here from scratch, and every
 * candidate a simple rule cannot settle is decided by hand in data/lookalike-eval/review.tsv.
 *
 *   npx tsx scripts/build-lookalike-eval.ts --feeds DIR --simple-icons FILE --eth-config FILE
 *
 * --feeds: the Block List Project lists (../shared/data/blocklists); --simple-icons:
 * simple-icons@16.37.0's data/simple-icons.json; --eth-config: eth-phishing-detect@1.2.0's
 * src/config.json (both from `npm pack`); --pending FILE: where to write a sample of the ambiguous
 * candidates not yet decided, for the next round of review. Output is sorted, so a rerun diffs cleanly.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'tldts';
import { parseProtectedNames } from '../shared/lookalike/protected-names';

const OUT = new URL('../data/lookalike-eval/', import.meta.url);
const FEEDS = ['blocklistproject-phishing.txt', 'blocklistproject-scam.txt'];
/** Per brand, at most this many feed domains, so that Apple's 8,000 do not drown the rest. */
const PER_BRAND = 30;

/** Held-out unless the first byte of SHA-256(domain) is below 0x66 (40% tune, 60% held out). */
export function splitOf(domain: string): 'tune' | 'heldout' {
  return createHash('sha256').update(domain).digest()[0]! < 0x66 ? 'tune' : 'heldout';
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

interface Name {
  readonly brand: string;
  readonly text: string;
  /** Short or ordinary-word names ("apple", "ups", "steam"): a human decides every match. */
  readonly ambiguous: boolean;
}

function brandNames(path: URL): { names: Name[]; owned: Set<string> } {
  const file = parseProtectedNames(JSON.parse(readFileSync(path, 'utf8')));
  const names: Name[] = [];
  const owned = new Set<string>();
  for (const b of file.names) {
    const common = new Set(b.commonWords ?? []);
    const texts = new Set<string>();
    for (const d of [b.domain, ...b.siblings]) {
      owned.add(d);
      const label = parse(d).domainWithoutSuffix;
      if (label) texts.add(label.replace(/-/g, ''));
    }
    for (const en of b.names.en)
      if (/^[A-Za-z ]+$/.test(en)) texts.add(en.toLowerCase().replace(/ /g, ''));
    for (const text of texts) {
      if (text.length < 3 || /^\d+$/.test(text)) continue;
      names.push({ brand: b.id, text, ambiguous: text.length < 6 || common.has(text) });
    }
  }
  return { names, owned };
}

/** The host as people read it: IDN decoded, accents dropped, lowercase. */
function readable(host: string): string {
  return domainToUnicode(host).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Candidate {
  readonly host: string;
  readonly brand: string;
  readonly why: string;
  readonly ambiguous: boolean;
}

/** Why `host` might imitate one of `names`, or null: the brand's name inside it, or a piece one edit away. */
function feedCandidate(host: string, names: readonly Name[]): Candidate | null {
  const text = readable(host);
  const flat = text.replace(/[.\-_]/g, '');
  const pieces = text.split(/[.\-_]+/);
  const idn = /[^\x20-\x7e]/.test(text);
  // A whole piece first, then the longest name inside: "chase-bank.com.x" is Chase, not the
  // "bankcomm" that spans its pieces.
  let best: Candidate | null = null;
  let bestScore = 0;
  for (const n of names) {
    const whole = pieces.includes(n.text);
    if (!whole && !(n.text.length >= 5 && flat.includes(n.text))) continue;
    const score = (whole ? 100 : 0) + n.text.length;
    if (score <= bestScore) continue;
    bestScore = score;
    const why = whole ? 'piece' : 'substring';
    best = { host, brand: n.brand, why, ambiguous: n.ambiguous || idn };
  }
  if (best) return best;
  for (const n of names) {
    if (n.text.length < 5) continue;
    for (const p of pieces) {
      if (Math.abs(p.length - n.text.length) > 1 || (p[0] !== n.text[0] && p[1] !== n.text[1]))
        continue;
      if (levenshtein(p, n.text) === 1)
        return { host, brand: n.brand, why: 'edit1', ambiguous: true };
    }
  }
  return idn ? { host, brand: '?', why: 'idn', ambiguous: true } : null;
}

function readList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/).pop() ?? '')
    .filter((l) => l && !l.startsWith('#'));
}

/** Hand decisions: `host<TAB>brand-id` (it imitates that brand) or `host<TAB>-` (it does not). */
function readReview(): Map<string, string> {
  const review = new Map<string, string>();
  for (const line of readFileSync(new URL('review.tsv', OUT), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [host, brand] = line.split('\t');
    if (host && brand) review.set(host, brand);
  }
  return review;
}

function hashOrder(a: string, b: string): number {
  const h = (s: string) => createHash('sha256').update(`order:${s}`).digest('hex');
  return h(a) < h(b) ? -1 : 1;
}

function buildPhishing(
  feeds: string,
  names: readonly Name[],
  owned: Set<string>,
  pendingPath?: string,
): void {
  const review = readReview();
  const byBrand = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  const pending: Candidate[] = [];
  for (const feed of FEEDS) {
    for (const host of readList(`${feeds}/${feed}`)) {
      const registrable = parse(host).domain;
      if (!registrable || owned.has(registrable) || seen.has(registrable)) continue;
      const found = feedCandidate(host, names);
      if (!found) continue;
      seen.add(registrable); // one host per registrable domain: subdomain floods count once
      const decided = review.get(host);
      if (decided === '-') continue;
      const c = decided ? { ...found, brand: decided, why: `${found.why}+hand` } : found;
      if (c.ambiguous && !decided) {
        pending.push(c);
        continue;
      }
      byBrand.set(c.brand, [...(byBrand.get(c.brand) ?? []), c]);
    }
  }
  const rows: string[] = [];
  for (const list of byBrand.values()) {
    for (const c of list.sort((a, b) => hashOrder(a.host, b.host)).slice(0, PER_BRAND)) {
      rows.push(`${c.host}\t${c.brand}\t${c.why}\t${splitOf(c.host)}`);
    }
  }
  rows.sort();
  writeFileSync(new URL('phishing.tsv', OUT), `host\tbrand\thow\tsplit\n${rows.join('\n')}\n`);
  // Ambiguous candidates without a decision yet, a sample per brand, for the next review round.
  const sample = new Map<string, Candidate[]>();
  for (const c of pending) sample.set(c.brand, [...(sample.get(c.brand) ?? []), c]);
  const todo = [...sample.values()].flatMap((l) =>
    l.sort((a, b) => hashOrder(a.host, b.host)).slice(0, PER_BRAND),
  );
  if (pendingPath)
    writeFileSync(
      pendingPath,
      todo.map((c) => `${c.host}\t${c.brand}\t${c.why}`).join('\n') + '\n',
    );
  console.error(
    `phishing: ${rows.length} rows, ${pending.length} ambiguous undecided (${todo.length} sampled)`,
  );
}

function buildNearMisses(
  names: readonly Name[],
  owned: Set<string>,
  pools: [string, string[]][],
): void {
  const review = readReview();
  const rows = new Map<string, string>();
  for (const [source, domains] of pools) {
    for (const d of domains) {
      const info = parse(d);
      const label = info.domainWithoutSuffix;
      if (!info.domain || !label || owned.has(info.domain) || rows.has(info.domain)) continue;
      if (review.get(info.domain) && review.get(info.domain) !== '-') continue; // judged an imitation
      const bare = label.replace(/-/g, '');
      let best: [number, string] | null = null;
      for (const n of names) {
        if (n.text.length < 4 || Math.abs(bare.length - n.text.length) > 2) continue;
        const distance = levenshtein(bare, n.text);
        const max = n.text.length >= 6 ? 2 : 1;
        if (distance <= max && (!best || distance < best[0])) best = [distance, n.brand];
      }
      if (best)
        rows.set(
          info.domain,
          `${info.domain}\t${best[1]}\t${best[0]}\t${source}\t${splitOf(info.domain)}`,
        );
    }
  }
  const sorted = [...rows.values()].sort();
  writeFileSync(
    new URL('near-misses.tsv', OUT),
    `domain\tnearest\tedits\tsource\tsplit\n${sorted.join('\n')}\n`,
  );
  console.error(`near-misses: ${sorted.length} rows`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      feeds: { type: 'string' },
      'simple-icons': { type: 'string' },
      'eth-config': { type: 'string' },
      pending: { type: 'string' },
    },
  });
  if (!values.feeds || !values['simple-icons'] || !values['eth-config']) {
    throw new Error('usage: --feeds DIR --simple-icons FILE --eth-config FILE');
  }
  const { names, owned } = brandNames(new URL('../data/protected-names.json', import.meta.url));
  buildPhishing(values.feeds, names, owned, values.pending);
  const icons = JSON.parse(readFileSync(values['simple-icons'], 'utf8')) as { source?: string }[];
  const iconHosts = icons.flatMap((i) => {
    try {
      return [new URL(i.source ?? '').hostname];
    } catch {
      return [];
    }
  });
  const eth = JSON.parse(readFileSync(values['eth-config'], 'utf8')) as { whitelist: string[] };
  const benign = readList(new URL('../data/benign-domains.txt', import.meta.url).pathname);
  buildNearMisses(names, owned, [
    ['simple-icons', iconHosts],
    ['eth-phishing-detect', eth.whitelist],
    ['benign-domains', benign],
  ]);
}

main();
