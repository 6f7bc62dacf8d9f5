import type { Category } from './categories';

/** `unchecked`: the check itself failed, so the page is neither safe nor known to be dangerous. */
export type VerdictLevel = 'safe' | 'suspicious' | 'dangerous' | 'unchecked';

/** Why a verdict was given, in order of precedence (see `decideVerdict`). */
export type VerdictReason =
  | 'not-web'
  | 'personal-blocklist'
  | 'allowlist'
  | 'blocklist'
  | 'lookalike'
  | 'not-listed'
  | 'check-failed';

/** What the look-alike detector found, as far as the UI needs it. */
export interface LookalikeFinding {
  technique: string;
  /** The brand's English name, and its Chinese one where it has one. */
  brandName: string;
  brandNameZh?: string;
  brandDomain: string;
}

export interface Verdict {
  level: VerdictLevel;
  reason: VerdictReason;
  url: string;
  /** Host as the user would read it (lower-case, no trailing dot). */
  host: string;
  category?: Category;
  /** The rule that matched: a personal-blocklist domain or a list expression. */
  matched?: string;
  listVersion?: number;
  lookalike?: LookalikeFinding;
}

export interface ListMatchLike {
  action: 'block' | 'allow';
  expression: string;
  category: Category;
  listVersion: number;
}

export interface VerdictInput {
  url: string;
  host: string;
  isWeb: boolean;
  /** No list could be consulted (none loaded, or its lookup failed). */
  listUnavailable?: boolean;
  /** The personal-blocklist domain covering the host, if any. */
  personalBlock: string | null;
  listMatch: ListMatchLike | null;
  lookalike: LookalikeFinding | null;
}

/**
 * Combines what each check found into one verdict. Precedence:
 * 1. the user's own block (their decision beats any list);
 * 2. the list's allowlist (a bad feed or a fuzzy match can never warn on a bank);
 * 3. the list's block entries;
 * 4. no list to ask: "unchecked", never "safe" by default;
 * 5. the look-alike detector (a weaker signal: "suspicious", not "dangerous").
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const { url, host } = input;
  if (!input.isWeb) return { level: 'safe', reason: 'not-web', url, host };
  if (input.personalBlock) {
    return {
      level: 'dangerous',
      reason: 'personal-blocklist',
      url,
      host,
      matched: input.personalBlock,
    };
  }
  const match = input.listMatch;
  if (match) {
    const base = {
      url,
      host,
      category: match.category,
      matched: match.expression,
      listVersion: match.listVersion,
    };
    if (match.action === 'allow') return { level: 'safe', reason: 'allowlist', ...base };
    return { level: 'dangerous', reason: 'blocklist', ...base };
  }
  if (input.listUnavailable) return { level: 'unchecked', reason: 'check-failed', url, host };
  if (input.lookalike) {
    return { level: 'suspicious', reason: 'lookalike', url, host, lookalike: input.lookalike };
  }
  return { level: 'safe', reason: 'not-listed', url, host };
}
