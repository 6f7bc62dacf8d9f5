import { coveringDomain } from './domain';

/**
 * Domains the product must never warn on (popular sites, banks, government), each covering
 * all its subdomains. Used by the list compiler, the report review and the look-alike
 * detector, so one file decides what "legitimate" means everywhere.
 */
export interface Allowlist {
  readonly domains: ReadonlySet<string>;
  /** The allowlisted domain covering `host` (itself or a parent), or null. */
  covering(host: string): string | null;
}

/** Parses the plain-text allowlist format: one domain per line, `#` starts a comment. */
export function parseAllowlist(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim().toLowerCase().replace(/\.$/, '');
    if (line) out.push(line);
  }
  return out;
}

export function createAllowlist(domains: Iterable<string>): Allowlist {
  const set = new Set([...domains].map((d) => d.toLowerCase()));
  return {
    domains: set,
    covering(host) {
      return coveringDomain(host.toLowerCase().replace(/\.$/, ''), (d) => set.has(d));
    },
  };
}
