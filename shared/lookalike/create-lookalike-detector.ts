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
  const describe = createDescribe();
  return {
    check(url) {
      const target = parseTarget(url);
      if (!target || allowlist?.covering(target.host)) return null;
      const hit = find(target.host, target.userinfo, target.pathname);
      if (!hit) return null;
      const { brand, reason } = describe(hit.brand, hit.technique);
      return { level: 'suspicious', technique: hit.technique, brand, matched: hit.matched, reason };
    },
  };
}

type Description = Pick<LookalikeVerdict, 'brand' | 'reason'>;

/**
 * How verdicts show a brand and word the reason, built on the brand's first verdict (and its
 * first with each technique) and then handed to every later one, frozen since they are shared:
 * a third of the bench's checks find a look-alike, and building the names and both reason
 * sentences anew was a tenth of their cost.
 */
function createDescribe(): (brand: ProtectedName, technique: LookalikeTechnique) => Description {
  const described = new Map<
    ProtectedName,
    { brand: Description['brand']; reasons: Map<LookalikeTechnique, Description['reason']> }
  >();
  return (brand, technique) => {
    let entry = described.get(brand);
    if (!entry) described.set(brand, (entry = { brand: shownBrand(brand), reasons: new Map() }));
    let reason = entry.reasons.get(technique);
    if (!reason) {
      reason = Object.freeze(lookalikeReason(technique, entry.brand));
      entry.reasons.set(technique, reason);
    }
    return { brand: entry.brand, reason };
  };
}

function shownBrand(brand: ProtectedName): LookalikeVerdict['brand'] {
  return Object.freeze({
    id: brand.id,
    name: Object.freeze({
      en: brand.names.en[0]!,
      ...(brand.names.zh && { zh: brand.names.zh[0] }),
    }),
    domain: brand.domain,
  });
}
