import type { Allowlist } from '../allowlist';
import { createFindLookalike, type LookalikeTechnique } from './find-lookalike';
import { lookalikeReason } from './lookalike-reason';
import { parseTarget } from './parse-target';
import type { ProtectedName, ProtectedNames } from './protected-names';

export type { LookalikeTechnique } from './find-lookalike';

export interface LookalikeVerdict {
  readonly level: 'suspicious';
  /**
   * How the address imitates the brand. Any rule that fires for a government body reports
   * `government-impersonation`: for the person reading the warning, "this pretends to be the
   * police" matters more than whether it did so with a typo or a hyphen.
   */
  readonly technique: LookalikeTechnique;
  readonly brand: {
    readonly id: string;
    readonly name: { readonly en: string; readonly zh?: string };
    readonly domain: string;
  };
  /** The registrable domain (ASCII, as in the address bar's punycode) or host part that triggered. */
  readonly matched: string;
  readonly reason: { readonly en: string; readonly zh: string };
}

export interface LookalikeDetector {
  /** A verdict for a URL (or bare host) that imitates a protected name; null otherwise. */
  check(url: string): LookalikeVerdict | null;
}

export interface LookalikeDetectorOptions {
  readonly protectedNames: ProtectedNames | readonly ProtectedName[];
  /** Domains never to warn on (with their subdomains), on top of the protected names. */
  readonly allowlist?: Allowlist;
}

/**
 * Flags addresses that imitate a protected name — a bank, payment app, shop, mail or social
 * service, telecom, exchange or government body — before any list knows them. Pure: no
 * browser API, no network; all indexes are built here so that `check` costs microseconds.
 */
export function createLookalikeDetector(options: LookalikeDetectorOptions): LookalikeDetector {
  const brands =
    'names' in options.protectedNames ? options.protectedNames.names : options.protectedNames;
  const find = createFindLookalike(brands);
  const allowlist = options.allowlist;
  return {
    check(url) {
      const target = parseTarget(url);
      if (!target || allowlist?.covering(target.host)) return null;
      const hit = find(target.host, target.userinfo, target.pathname);
      if (!hit) return null;
      const brand = {
        id: hit.brand.id,
        name: {
          en: hit.brand.names.en[0]!,
          ...(hit.brand.names.zh && { zh: hit.brand.names.zh[0] }),
        },
        domain: hit.brand.domain,
      };
      return {
        level: 'suspicious',
        technique: hit.technique,
        brand,
        matched: hit.matched,
        reason: lookalikeReason(hit.technique, brand),
      };
    },
  };
}
