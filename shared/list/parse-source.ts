import { isCategory, type Category } from '../categories';
import { canonicalHost, urlExpressions } from '../url';

export interface ParsedEntry {
  expression: string;
  category: Category;
}

export interface ParsedSource {
  format: 'lines' | 'csv' | 'json';
  entries: ParsedEntry[];
  skipped: number;
  /** Up to five skipped lines, as `line N: text`, so a broken feed is easy to diagnose. */
  examples: string[];
}

const MAX_EXAMPLES = 5;
// The common case — an ASCII host with a letter TLD — skips URL parsing entirely (~200k
// lines per feed); anything else goes through the shared canonicaliser.
const PLAIN_HOST = /^(?=.{1,253}$)(?:[a-z0-9_-]{1,63}\.)+[a-z][a-z0-9-]{0,62}$/;
const HOSTS_LINE = /^(?:0\.0\.0\.0|127\.0\.0\.1|::1?|0:0:0:0:0:0:0:[01])\s+(.+)$/;
const ADBLOCK_LINE = /^\|\|([^\s^$|]+)\^?(?:\$[\w,=~-]*)?$/;
const HOSTS_BOILERPLATE = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'broadcasthost',
  '0.0.0.0',
]);

/**
 * A domain, host+path or URL as a Safe Browsing expression (`evil.com/`, `evil.com/p/`,
 * `evil.com/p.html?x=1`), or null if it is not one. A bare domain means the whole site.
 */
export function toExpression(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const lower = text.toLowerCase().replace(/\.$/, '');
  if (PLAIN_HOST.test(lower)) return `${lower}/`;
  if (text.includes('://') || text.includes('/')) {
    const url = text.includes('://') ? text : `http://${text}`;
    const first = urlExpressions(url)[0];
    return first && isListableHost(first.slice(0, first.indexOf('/'))) ? first : null;
  }
  if (/[\s/?#@:]/.test(text)) return null;
  const host = canonicalHost(`http://${text}/`);
  return host && isListableHost(host) ? `${host}/` : null;
}

/** A host worth a list entry: a dotted name or an IPv4 address, not a bare TLD. */
function isListableHost(host: string): boolean {
  return host.includes('.') && !host.startsWith('.') && !host.endsWith('.') && host.length <= 253;
}

/** Parses one feed; the format is sniffed from its content. Invalid lines are counted, never fatal. */
export function parseSource(text: string, category: Category): ParsedSource {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  const result: ParsedSource = { format: 'lines', entries: [], skipped: 0, examples: [] };
  const skip = (where: string, line: string) => {
    result.skipped++;
    if (result.examples.length < MAX_EXAMPLES)
      result.examples.push(`${where}: ${line.slice(0, 120)}`);
  };
  const add = (value: string, rowCategory: unknown, where: string) => {
    const expression = toExpression(value);
    const cat = rowCategory === undefined || rowCategory === '' ? category : rowCategory;
    if (!expression) skip(where, value);
    else if (!isCategory(cat)) skip(where, `unknown category "${String(cat)}"`);
    else result.entries.push({ expression, category: cat });
  };
  // `[Adblock Plus 2.0]` also starts with a bracket; a JSON array continues with a value.
  if (/^\[\s*["{\]]/.test(trimmed)) {
    result.format = 'json';
    parseJson(trimmed, add, skip);
  } else if (looksLikeCsv(body)) {
    result.format = 'csv';
    parseCsv(body, add, skip);
  } else {
    parseLines(body, add, skip);
  }
  return result;
}

type Add = (value: string, category: unknown, where: string) => void;
type Skip = (where: string, line: string) => void;

function parseLines(body: string, add: Add, skip: Skip): void {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line[0] === '#' || line[0] === '!' || line[0] === '[') continue;
    const where = `line ${i + 1}`;
    const hosts = HOSTS_LINE.exec(line);
    if (hosts) {
      for (const host of hosts[1]!.replace(/\s#.*/, '').split(/\s+/)) {
        if (!HOSTS_BOILERPLATE.has(host) && !host.startsWith('ip6-')) add(host, undefined, where);
      }
      continue;
    }
    const adblock = ADBLOCK_LINE.exec(line);
    if (adblock) add(adblock[1]!, undefined, where);
    else if (/\s/.test(line.replace(/\s+#.*$/, ''))) skip(where, line);
    else add(line.replace(/\s+#.*$/, ''), undefined, where);
  }
}

function looksLikeCsv(body: string): boolean {
  const first = body
    .slice(0, 64 * 1024)
    .split('\n')
    .find((l) => l.trim() && !l.trim().startsWith('#'));
  return (
    !!first &&
    first.includes(',') &&
    splitCsvLine(first).some((c) => c.trim().toLowerCase() === 'url')
  );
}

function parseCsv(body: string, add: Add, skip: Skip): void {
  const lines = body.split('\n');
  let header: string[] | null = null;
  let urlColumn = -1;
  let categoryColumn = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const cells = splitCsvLine(line);
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      urlColumn = header.indexOf('url');
      categoryColumn = header.indexOf('category');
      continue;
    }
    const url = cells[urlColumn];
    if (url === undefined) skip(`line ${i + 1}`, line);
    else
      add(
        url,
        categoryColumn >= 0 ? (cells[categoryColumn] ?? '').trim() : undefined,
        `line ${i + 1}`,
      );
  }
}

/** Splits one RFC 4180 line (quoted cells, doubled quotes); feeds do not use multi-line cells. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function parseJson(text: string, add: Add, skip: Skip): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    skip('file', `not valid JSON (${(error as Error).message})`);
    return;
  }
  if (!Array.isArray(data)) return skip('file', 'not a JSON array');
  data.forEach((item: unknown, i) => {
    const where = `item ${i}`;
    if (typeof item === 'string') add(item, undefined, where);
    else if (
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { url?: unknown }).url === 'string'
    ) {
      const { url, category } = item as { url: string; category?: unknown };
      add(url, category, where);
    } else skip(where, JSON.stringify(item) ?? String(item));
  });
}
