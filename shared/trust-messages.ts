import type { SenderTable } from './message-senders';

/**
 * The "I know this site — it is fine" part of the message protocol (merged into `Protocol`
 * in messages.ts): the user's own decision that a look-alike warning was wrong for a site.
 * It silences look-alike warnings only; list blocks and the user's own blocks still apply.
 */

/** A registrable domain the user marked as fine, and when. */
export interface TrustedSite {
  domain: string;
  addedAt: number;
}

export interface TrustProtocol {
  /**
   * Sent by the warning page about its own tab, for a look-alike warning only, after the
   * user confirmed; the background opens the site afterwards. Refused where "open anyway"
   * is turned off (strict mode, policy).
   */
  'trust/allow': { request: Record<string, never>; response: { domain: string; url: string } };
  'trust/list': { request: Record<string, never>; response: { entries: TrustedSite[] } };
  /** Options page only; `token` from `settings/unlock`, required once a PIN is set. */
  'trust/remove': {
    request: { domain: string; token?: string };
    response: { removed: boolean };
  };
}

export const TRUST_MESSAGE_SENDERS: SenderTable<keyof TrustProtocol> = {
  'trust/allow': ['warning'],
  'trust/list': ['options'],
  'trust/remove': ['options'],
};
