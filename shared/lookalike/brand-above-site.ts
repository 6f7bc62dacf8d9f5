import { gluedLongBrand, namesMail, pieceToken } from './brand-in-label';
import type { BrandIndex, BrandToken } from './brand-index';
import { lookalikeKey } from './confusable-skeleton';
import { isTenantHost } from './tenant-hosts';
import { typoMatch } from './typo-match';

/** Long enough that a one-edit slip above an unrelated site is the brand, not a word: "linkedln". */
const TYPO_ABOVE = 7;

/**
 * A distinctive brand name standing above an unrelated site with no lure beside it:
 * "dropbox.digitalsurveyorske.com", "wellsfargo.rectify.example.com", "00docusign.com.x.co.ke",
 * "attachment-dropbox.x.com", "facebookchenxi.blogspot.dk". The phishing feeds hold many of
 * these: the address bar shows the brand first, and the person reads no further. `pieces` are
 * the skeletons of the subdomain labels' pieces, split on hyphens and digits; `labels` the
 * labels themselves with hyphens dropped ("drop-box", "yahoo": any kind of brand, alone).
 * Ordinary-word and short names ("apple.stackexchange.com", "abc.example.com") still need a
 * lure (`subdomainBrand`); customers of tenant services ("adobe.okta.com") pass.
 */
export function brandAboveSite(
  labels: readonly string[],
  pieces: readonly string[],
  domain: string,
  index: BrandIndex,
): BrandToken | null {
  if (pieces.length === 0 || isTenantHost(domain)) return null;
  const short = shortBrandFirst(labels, index);
  if (short) return short;
  for (const label of labels) {
    const token = distinctive(index.byKey.get(lookalikeKey(label)), label.length >= 4);
    if (token) return token;
  }
  const besideMail = pieces.some(namesMail);
  for (const piece of pieces) {
    const token =
      pieceToken(piece, index, besideMail) ??
      gluedLongBrand(piece, index) ??
      distinctive(index.byKey.get(lookalikeKey(piece)), piece.length >= 6) ??
      (piece.length >= TYPO_ABOVE ? distinctive([typoMatch(piece, index, false)], true) : null);
    if (token) return token;
  }
  return null;
}

/**
 * A short brand name as the host's first label ("dhl.moodle-on.com", "att.baticoncept16.fr",
 * "www.dhl.arrivalpack.com"): the feeds hold many, and an honest site rarely names a subdomain
 * after a carrier or a bank it does not belong to. Ordinary words ("meta.wikimedia.org") and
 * the acronyms organisations give their own services ("ems", "cms", "abc") pass.
 */
function shortBrandFirst(labels: readonly string[], index: BrandIndex): BrandToken | null {
  const first = labels[0] === 'www' ? labels[1] : labels[0];
  if (!first || first.length < 3 || SERVICE_ACRONYMS.has(first) || /^\d+$/.test(first)) return null;
  return index.bySkeleton.get(first)?.find((t) => t.strength === 'short') ?? null;
}

/** Short brand tokens that are also what an office calls its own system or department. */
const SERVICE_ACRONYMS = new Set('abc cac cib ele ems mps pbc spp'.split(' '));

function distinctive(
  tokens: readonly (BrandToken | null)[] | undefined,
  long: boolean,
): BrandToken | null {
  if (!long) return null;
  return tokens?.find((t) => t?.strength === 'distinctive') ?? null;
}
