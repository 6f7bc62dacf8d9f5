import { gatedSet } from './gated-map';

/**
 * TLDs that abuse reports single out: cheap or free to register, and where a brand's exact name
 * is almost never the brand (Spamhaus and Interisle's yearly phishing-landscape reports list
 * the same names year after year). A brand's own domains are protected before this runs.
 * The second group (cfd, loan, win … life) are the names Spamhaus's "most abused TLDs" pages
 * have carried since 2015; on the tune feeds they added 1 look-alike caught in the tune split and
 * 1 in the fresh tune hosts beside it, and no near-miss, benign or real-host alarm.
 */
// Gated: every check looks its public suffix up here, most of them not listed.
const ABUSED_TLDS = gatedSet(
  (
    'top xyz vip shop online site club icu cc buzz ml ga cf gq tk live work rest cyou bond sbs ' +
    'info one red center direct tools mobi link click support help services digital world ' +
    'store space website fun monster best quest cam lol pw ws su today network email tech app ' +
    'cfd loan win bid party review trade stream download racing accountant science faith men ' +
    'cricket gdn kim country date fit life'
  ).split(' '),
);

/** Whether `suffix` (a public suffix such as "top" or "com.cn") is one of them. */
export function isAbusedTld(suffix: string): boolean {
  return ABUSED_TLDS.has(suffix);
}

/**
 * The generic TLDs from before ICANN's 2012 round, and the sponsored ones of that era. A TLD
 * of one label outside these and longer than a country code is one of the new gTLDs
 * ("agency", "vote", "directory"), where a bank or a government service never lives.
 */
const LEGACY_GTLDS = new Set(
  (
    'com net org edu gov mil int arpa info biz name pro aero coop museum mobi asia tel travel ' +
    'jobs cat post xxx'
  ).split(' '),
);

/** Whether `suffix` (a public suffix) is a new generic TLD: "agency", not "com" or "co.uk". */
export function isNewGtld(suffix: string): boolean {
  return suffix.length > 2 && suffix.indexOf('.') === -1 && !LEGACY_GTLDS.has(suffix);
}
