import { gluedLongBrand, pieceToken } from './brand-in-label';
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
  for (const label of labels) {
    const token = distinctive(index.byKey.get(lookalikeKey(label)), label.length >= 4);
    if (token) return token;
  }
  for (const piece of pieces) {
    const token =
      pieceToken(piece, index) ??
      gluedLongBrand(piece, index) ??
      distinctive(index.byKey.get(lookalikeKey(piece)), piece.length >= 6) ??
      (piece.length >= TYPO_ABOVE ? distinctive([typoMatch(piece, index, false)], true) : null);
    if (token) return token;
  }
  return null;
}

function distinctive(
  tokens: readonly (BrandToken | null)[] | undefined,
  long: boolean,
): BrandToken | null {
  if (!long) return null;
  return tokens?.find((t) => t?.strength === 'distinctive') ?? null;
}
