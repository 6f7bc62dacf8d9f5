/**
 * The kinds of scam the product names on its warning page. Each list entry, report and
 * look-alike verdict carries one. The first seven are the scam types the product grew
 * from (see the design brief); `malware` covers ransomware and drive-by downloads and
 * `scam` is the catch-all for feeds that do not say which kind of fraud a site runs.
 */
export const CATEGORIES = [
  'police-impersonation',
  'fake-refund',
  'credit-loan',
  'investment-romance',
  'gambling',
  'paid-tasks',
  'phishing',
  'malware',
  'scam',
] as const;

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
