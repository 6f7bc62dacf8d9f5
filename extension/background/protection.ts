import { registrableDomain } from '../../shared/domain';
import type { ProtectionStatus } from '../../shared/messages';
import {
  decideVerdict,
  type ListMatchLike,
  type LookalikeFinding,
  type Verdict,
} from '../../shared/verdict';
import type { PersonalBlocklist } from './personal-blocklist';
import type { TrustedSites } from './trusted-sites';

/** The active shared list as the checker needs it (the list engine's BlockList fits). */
export interface ActiveList {
  readonly version: number;
  readonly createdAt: number;
  readonly entryCount: number;
  readonly checksum: string;
  readonly metadata: Record<string, unknown>;
  match(url: string): Promise<ListMatchLike | null>;
}

export interface LookalikeCheck {
  check(url: string): LookalikeFinding | null;
}

export interface Protection {
  verdictFor(url: string): Promise<Verdict>;
  status(
    sync?: { lastSuccessAt: number | null; lastError: string | null },
    now?: number,
  ): ProtectionStatus;
}

/** A list older than this is shown as stale: the user is protected, but less than they think. */
export const STALE_AFTER_MS = 48 * 60 * 60 * 1000;

export function webHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/\.$/, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The registrable domain "Block this site" adds for a page, or null for non-web pages. */
export function blockableDomain(url: string): string | null {
  const host = webHost(url);
  return host ? registrableDomain(host) : null;
}

/**
 * Everything that decides whether a page is dangerous, in one place: the user's own
 * blocklist, the shared list and the look-alike detector. It is only ever called after the
 * worker's data has loaded (see `index.ts`), so "safe" is never an answer given by default.
 * A site the user marked as fine (`trusted`) skips the look-alike detector only: the lists
 * and the user's own blocks still apply to it.
 */
export function createProtection(deps: {
  personal: PersonalBlocklist;
  trusted?: Pick<TrustedSites, 'covering'>;
  list: () => ActiveList | null;
  lookalike?: () => LookalikeCheck | null;
}): Protection {
  return {
    async verdictFor(url) {
      const host = webHost(url);
      if (!host)
        return decideVerdict({
          url,
          host: '',
          isWeb: false,
          personalBlock: null,
          listMatch: null,
          lookalike: null,
        });
      const personalBlock = deps.personal.covering(host);
      const listMatch = personalBlock ? null : ((await deps.list()?.match(url)) ?? null);
      const skipLookalike = personalBlock || listMatch || deps.trusted?.covering(host);
      const lookalike = skipLookalike ? null : (deps.lookalike?.()?.check(url) ?? null);
      return decideVerdict({ url, host, isWeb: true, personalBlock, listMatch, lookalike });
    },
    status(sync, now = Date.now()) {
      const list = deps.list();
      const updates = {
        lastCheckedAt: sync?.lastSuccessAt ?? null,
        updateError: sync?.lastError ?? null,
      };
      if (!list) {
        return {
          state: 'unprotected',
          listVersion: null,
          listBuiltAt: null,
          entryCount: 0,
          ...updates,
        };
      }
      return {
        ...updates,
        state: now - list.createdAt > STALE_AFTER_MS ? 'stale' : 'protected',
        listVersion: list.version,
        listBuiltAt: list.createdAt,
        entryCount: list.entryCount,
      };
    },
  };
}
