import { readPacked, type PackedList } from '../../shared/list';
import { listDiffRules, type RuleCoverage } from '../../shared/network-rules/list-rules';
import type { RuleBody } from '../../shared/network-rules/network-rule';

/**
 * What a synced list needs from the dynamic rules: the difference between it and the
 * bundled starter list, which the static ruleset already holds. Host counts are kept to
 * what installs quickly (130,000 hosts as dynamic rules install in about 0.2 s in
 * Chromium; a million did not finish in minutes): beyond that the background's own check
 * still holds every entry, and the next extension update moves them into the static set.
 * Host+path entries are regex rules, of which an extension may have 1,000: 800 for the
 * list leaves the rest for the user's own blocks of pages on shared hosting.
 */
export const DYNAMIC_LIMITS = { maxHosts: 150_000, maxPathRules: 800 } as const;

export interface ListRules {
  rules: RuleBody[];
  coverage: RuleCoverage | null;
}

export function createListRules(starterPayload: () => Promise<Uint8Array>) {
  let starter: { payload: Uint8Array; packed: PackedList } | null = null;
  return async function rulesFor(payload: Uint8Array): Promise<ListRules> {
    if (!starter) {
      const bundled = await starterPayload();
      starter = { payload: bundled, packed: readPacked(bundled) };
    }
    if (sameBytes(payload, starter.payload)) return { rules: [], coverage: null };
    return listDiffRules(starter.packed, readPacked(payload), DYNAMIC_LIMITS);
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
