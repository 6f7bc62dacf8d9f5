import { createAllowlist } from '../allowlist';
import type { Category } from '../categories';
import { urlExpressions } from '../url';
import type { ListEntry } from './list-entry';
import { parseSource, toExpression } from './parse-source';

export interface SourceInput {
  /** Shown with every match ("which list said so"). */
  name: string;
  /** The feed's category; a CSV/JSON row may override it. */
  category: Category;
  text: string;
}

export interface SourceStats {
  name: string;
  category: Category;
  format: 'lines' | 'csv' | 'json';
  /** Entries this source contributes to the list. */
  entries: number;
  duplicates: number;
  /** Dropped because a listed parent domain or path prefix already covers them. */
  covered: number;
  /** Dropped because the allowlist covers them (an allow match would win anyway). */
  allowlisted: number;
  skipped: number;
  examples: string[];
}

export interface CompileResult {
  entries: ListEntry[];
  sources: SourceStats[];
  allowEntries: number;
}

export const ALLOWLIST_SOURCE = 'allowlist';
// Safe Browsing clients look up at most the last five host labels, so a parent with more
// labels would not be checked for a deeper subdomain: only shorter parents cover children.
const MAX_COVERING_LABELS = 5;

/**
 * Compiles feeds and the allowlist into list entries: de-duplicated (first source wins),
 * without blocks a listed parent already covers or the allowlist overrides, plus one
 * allow entry per allowlisted domain.
 */
export function compileList(input: {
  sources: readonly SourceInput[];
  allowlist: readonly string[];
}): CompileResult {
  const allowHosts = input.allowlist
    .map((d) => d.toLowerCase().replace(/\.$/, ''))
    .filter((d) => /^[a-z0-9.-]+$/.test(d));
  const allow = createAllowlist(allowHosts);
  const blocks = new Map<string, { category: Category; source: number }>();
  const stats: SourceStats[] = input.sources.map((source, index) => {
    const parsed = parseSource(source.text, source.category);
    const s: SourceStats = {
      name: source.name,
      category: source.category,
      format: parsed.format,
      entries: 0,
      duplicates: 0,
      covered: 0,
      allowlisted: 0,
      skipped: parsed.skipped,
      examples: parsed.examples,
    };
    for (const { expression, category } of parsed.entries) {
      if (blocks.has(expression)) s.duplicates++;
      else if (allowed(expression.slice(0, expression.indexOf('/')), allow.domains))
        s.allowlisted++;
      else blocks.set(expression, { category, source: index });
    }
    return s;
  });

  const entries: ListEntry[] = [];
  for (const [expression, { category, source }] of blocks) {
    const s = stats[source]!;
    if (isCovered(expression, blocks)) s.covered++;
    else {
      s.entries++;
      entries.push({ expression, category, source: s.name, action: 'block' });
    }
  }
  const allowSet = new Map(allowHosts.map((h) => [`${h}/`, true]));
  let allowEntries = 0;
  for (const expression of allowSet.keys()) {
    if (isCovered(expression, allowSet)) continue;
    entries.push({ expression, category: 'scam', source: ALLOWLIST_SOURCE, action: 'allow' });
    allowEntries++;
  }
  return { entries, sources: stats, allowEntries };
}

/** `host` or a parent is allowlisted (hosts here are already canonical, unlike Allowlist.covering's input). */
function allowed(host: string, domains: ReadonlySet<string>): boolean {
  if (domains.has(host)) return true;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    if (domains.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/** True when another entry would match every URL this one matches. */
function isCovered(expression: string, listed: ReadonlyMap<string, unknown>): boolean {
  const slash = expression.indexOf('/');
  if (slash === expression.length - 1) {
    // A whole-domain entry: look for a listed parent domain of at most five labels.
    const host = expression.slice(0, slash);
    let labels = 1;
    for (let i = 0; i < host.length; i++) if (host.charCodeAt(i) === 0x2e) labels++;
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
      labels--;
      if (labels <= MAX_COVERING_LABELS && listed.has(`${host.slice(dot + 1)}/`)) return true;
    }
    return false;
  }
  // Paths and URLs are rare: let the URL module say which expressions a visit would produce.
  return urlExpressions(`http://${expression}`).some((e) => e !== expression && listed.has(e));
}

export { toExpression };
