/**
 * Values fixed when the extension is built (see vite.config.ts); managed policy can override
 * the URLs at run time. Defaults point at the local service `npm start` runs.
 */
declare const __SCAM_GUARD_LIST_URL__: string;
declare const __SCAM_GUARD_REPORT_URL__: string;
declare const __SCAM_GUARD_RELAY_URL__: string;
declare const __SCAM_GUARD_LIST_PUBLIC_KEY__: string;
declare const __SCAM_GUARD_VERSION__: string;

export const buildConfig = {
  /** Where the list manifest is published. */
  listUrl: __SCAM_GUARD_LIST_URL__,
  /** Where reports are sent (`POST` to this URL). */
  reportUrl: __SCAM_GUARD_REPORT_URL__,
  /** The family-alert relay (`/v1/relay` on the same service). */
  relayUrl: __SCAM_GUARD_RELAY_URL__,
  /** Hex Ed25519 public key every downloaded list must be signed with. */
  listPublicKey: __SCAM_GUARD_LIST_PUBLIC_KEY__,
  version: __SCAM_GUARD_VERSION__,
} as const;
