import type { ProtectionStatus } from '../../shared/messages';
import { siteKeyOf } from '../../shared/site-key';
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

/**
 * The site "Block this site", "Report", "Open anyway" and "It is fine" act on (a site key,
 * see `siteKeyOf`: one person's site on shared hosting, never the platform), or null for
 * pages that are not on the web.
 */
export function blockableDomain(url: string): string | null {
  return siteKeyOf(url)?.key ?? null;
}

/**
 * The address a document's origin comes from: a `blob:` or `filesystem:` document made by a
 * page is judged as that page (phishing kits render themselves into blob: URLs), never as
 * "not a web page".
 */
export function judgedUrl(url: string): string {
  const inner = /^(?:blob|filesystem):(https?:\/\/.*)$/i.exec(url);
  return inner ? inner[1]! : url;
}

/**
 * Everything that decides whether a page is dangerous, in one place: the user's own
 * blocklist, the shared list and the look-alike detector. It is only ever called after the
 * worker's data has loaded (see `index.ts`), so "safe" is never an answer given by default;
 * with no list to ask, or a lookup that fails, the answer is "unchecked". A site the user
 * marked as fine (`trusted`) skips the look-alike detector only: the lists and the user's
 * own blocks still apply to it.
 */
export function createProtection(deps: {
  personal: PersonalBlocklist;
  trusted?: Pick<TrustedSites, 'covering'>;
  list: () => ActiveList | null;
  lookalike?: () => LookalikeCheck | null;
}): Protection {
  return {
    async verdictFor(url) {
      const host = webHost(judgedUrl(url));
      if (!host)
        return decideVerdict({
          url,
          host: '',
          isWeb: false,
          personalBlock: null,
          listMatch: null,
          lookalike: null,
        });
      const target = judgedUrl(url);
      const personalBlock = deps.personal.covering(target);
      let listMatch: ListMatchLike | null = null;
      let listUnavailable = false;
      if (!personalBlock) {
        const list = deps.list();
        try {
          listMatch = list ? await list.match(target) : null;
        } catch (error) {
          console.error('list lookup failed', error);
          listUnavailable = true;
        }
        listUnavailable ||= !list;
      }
      const skipLookalike = personalBlock || listMatch || deps.trusted?.covering(target);
      const lookalike = skipLookalike ? null : (deps.lookalike?.()?.check(target) ?? null);
      return decideVerdict({
        url,
        host,
        isWeb: true,
        personalBlock,
        listMatch,
        listUnavailable,
        lookalike,
      });
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
