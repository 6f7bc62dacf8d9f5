import { parse } from 'tldts';
import { isAbusedTld } from './abused-tlds';
import { brandAboveSite } from './brand-above-site';
import { isTenantHost } from './tenant-hosts';
import { isTradeWordOrTypo } from './trade-words';
import { createBrandIndex, type BrandIndex } from './brand-index';
import { confusableSkeleton, foldAscii } from './confusable-skeleton';
import { namesMail } from './brand-in-label';
import { labelLookalike, labelPieces, type LabelPiece } from './label-lookalike';
import { lookalikeHit, type LookalikeHit } from './lookalike-hit';
import {
  acceptsLure,
  bankBesideLure,
  lureSequenceTier,
  pieceLureTiers,
  strongestTier,
} from './lure-words';
import type { ProtectedName } from './protected-names';
import { outsideBrandWords } from './outside-brand-words';
import { punycodeToUnicode } from './punycode-to-unicode';
import { anySlip } from './typo-match';
import { labelCount, splitLabels } from './split-labels';

export type { LookalikeHit, LookalikeTechnique } from './lookalike-hit';

/** One piece of the host between dots and hyphens, with the label it sits in. */
interface Token extends LabelPiece {
  readonly label: number;
}

/**
 * A protected domain spelled out with dots or hyphens inside the host: "paypal.com-x.top",
 * "www.icbc.com.cn.evil.xyz", "icbc-com.cn". Compared on skeletons, not folded keys, so that
 * "jp-ml.com" is not mi.com. A match whose only part in the registrable label is its last
 * piece is the brand's name plus this host's own suffix ("the-big-apple.com",
 * "paypal.com.au"): that is a combosquat question, settled by the lure rules, not this one.
 */
function embeddedDomain(tokens: Token[], own: number, host: string, index: BrandIndex) {
  let ownLast = -1;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.label === own) ownLast = i;
  for (let i = 0; i < tokens.length; i++) {
    const sequences = index.domainSequences.get(tokens[i]!.skeleton);
    if (!sequences || i === ownLast) continue;
    for (const [brand, labels] of sequences) {
      if (i + labels.length > tokens.length) continue;
      if (!labels.every((l, j) => tokens[i + j]!.skeleton === l)) continue;
      return lookalikeHit('embedded-brand', brand, host);
    }
  }
  return null;
}

/** The shortest name `cutName` looks for: "e-bay" or "ch-ase" might be honest words. */
const CUT_NAME = 6;

/**
 * A distinctive name cut in two by a hyphen or a dot, beside more of the host: "pay-pal-info1.gq",
 * "gos-uslugi-qr.ru", "payp.al-zone.com", "santan.der.brasil.br.clientis.xyz" (tune feeds).
 * The label that is the cut name alone ("pay-pal.com") is labelLookalike's. An honest name
 * does not split a brand's letters across two of its words; a hyphen or a dot is put there
 * to get past a reader; a dot before the TLD too ("payment-i.cloud", `acrossTld`). Not mail
 * names ("hot-mail"), as for the whole label. Last of the host rules, so that a cut name above
 * the site keeps the technique it had ("drop-box.x.com"). On the tune data: 18 more look-alikes
 * caught among the fresh tune hosts (2 more across the TLD's dot), no near-miss, benign or
 * real-host alarm added.
 */
function cutName(tokens: readonly Token[], own: number, host: string, index: BrandIndex) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const next = tokens[i + 1]!;
    if (next.label > own && !acrossTld(tokens, i, own)) break;
    const joined = tokens[i]!.skeleton + next.skeleton;
    if (joined.length < CUT_NAME || !index.skeletonHeads.has(joined.slice(0, 4))) continue;
    const token = index.bySkeleton.get(joined)?.find((t) => t.strength === 'distinctive');
    if (token && !namesMail(joined)) return lookalikeHit('typo', token.brand, host);
  }
  return null;
}

/**
 * Whether tokens i and i + 1 are the last piece of a hyphened registrable label and a TLD of
 * one label: "payment-i.cloud" and "applee-i.cloud" (fresh tune hosts) spell iCloud across
 * the dot before the TLD. Not a label of one piece: a brand's own short domains are cut
 * that way ("youtu.be").
 */
function acrossTld(tokens: readonly Token[], i: number, own: number): boolean {
  return (
    i + 2 === tokens.length &&
    tokens[i + 1]!.label === own + 1 &&
    tokens[i]!.label === own &&
    tokens[i - 1]?.label === own
  );
}

/** "gov-cn-x.com" is caught as an embedded gov.cn; this adds "govcn" glued and "chinatax-gov". */
function governmentCue(tokens: Token[], own: number, host: string, index: BrandIndex) {
  // One pass over the tokens up to the registrable label, in place of three searches.
  let named: Token | undefined;
  let glued = false;
  let gov = false;
  for (const t of tokens) {
    if (t.label > own) break;
    if (!named && index.governmentKeys.has(t.key)) named = t;
    if (t.key.includes('govcn')) glued = true;
    if (t.key === 'gov') gov = true;
  }
  if (!glued && !(named && gov)) return null;
  const brand = named ? index.governmentKeys.get(named.key)! : index.domains.get('gov.cn');
  return brand ? lookalikeHit('government-impersonation', brand, host) : null;
}

/**
 * A brand name as a subdomain of an unrelated site, with a lure beside it: "paypal.verify-x.com";
 * the same lure tiers as combosquats, so "apple.stackexchange.com" and "jd.example.com" pass.
 * Not a brand alone as a subdomain ("adobe.okta.com"): that is how SaaS tenants are named.
 */
function subdomainBrand(
  tokens: Token[],
  own: number,
  host: string,
  cheap: boolean,
  index: BrandIndex,
) {
  // Most hosts have no label above the site's own ("example.com"): nothing to look at.
  if (!tokens[0] || tokens[0].label >= own) return null;
  const scope = tokens.filter((t) => t.label <= own);
  const site = scope.filter((t) => t.label === own);
  // A site named only with lure words and the words of web hosting ("support-portal",
  // "verify-zone") is made to stand under a brand: any indexed brand name above it will do,
  // short or ordinary ("ccb.verify-zone.net", "apple.verify-zone.net"). Names that are
  // three-letter English words ("ups") are not indexed, so they are not found here either.
  const lureSite =
    site.length >= 2 &&
    site.some((t) => lureSequenceTier(t.key) !== undefined) &&
    site.every((t) => HOSTING_WORDS.has(t.key) || lureSequenceTier(t.key) !== undefined);
  for (const t of scope) {
    if (t.label === own) break;
    const exact = index.byKey.get(t.key)?.[0];
    // A misspelt name counts here only beside a lure (`anySlip`): tested below.
    const token = exact ?? anySlip(t.skeleton, index);
    if (!token) continue;
    if (lureSite && exact) return lookalikeHit('embedded-brand', token.brand, host);
    const others = scope.filter((o) => o !== t);
    const trade = others.some((o) => isTradeWordOrTypo(token.brand.kind, o.key));
    const tier = trade ? 1 : strongestTier(others.flatMap(pieceLureTiers));
    // On an abused TLD any lure will do, even beside a short name ("ccb.support-portal.online"),
    // and a longer name needs none ("capitalone.entuil.xyz").
    const accepted = !exact
      ? tier !== undefined
      : cheap && token.strength !== 'common'
        ? tier !== undefined || token.text.length >= 4
        : acceptsLure(token, tier, cheap) || bankBesideLure(token, tier);
    if (accepted) return lookalikeHit('embedded-brand', token.brand, host);
  }
  return null;
}

const HOSTING_WORDS = new Set(
  'host site node page link zone cloud check web net hub server box'.split(' '),
);

/** `asIs`: the text is lowercase ASCII, its own skeleton, as nearly every host's labels are. */
function pushToken(tokens: Token[], text: string, label: number, asIs: boolean): void {
  const skeleton = asIs ? text : confusableSkeleton(text);
  tokens.push({ text, key: foldAscii(skeleton), skeleton, label });
}

// A capital (a host from a scheme the URL parser does not lowercase) or anything not ASCII.
const NOT_LOWER_ASCII = /[^ -~]|[A-Z]/;

/** The protected domain covering `name` (itself or a parent), if any. */
export function protectedCovering(name: string, index: BrandIndex): ProtectedName | null {
  for (let candidate = name; candidate;) {
    const brand = index.domains.get(candidate);
    if (brand) return brand;
    const dot = candidate.indexOf('.');
    if (dot === -1) break;
    candidate = candidate.slice(dot + 1);
  }
  return null;
}

/**
 * A protected domain in the user-info ("https://paypal.com@evil.top/") or as the first path
 * segment with more path after it ("evil.top/www.paypal.com/signin"). A bare domain as the
 * whole path is how lookup tools name the site they describe (whois.tool/paypal.com).
 */
function elsewhereInUrl(userinfo: string, pathname: string, index: BrandIndex) {
  for (const piece of userinfo === ':' ? [] : userinfo.toLowerCase().split(/[^a-z0-9.-]+/)) {
    const brand = piece.includes('.') ? protectedCovering(piece, index) : null;
    if (brand) return lookalikeHit('embedded-brand', brand, piece);
  }
  if (pathname.indexOf('/', 1) === -1) return null; // the common case: "/" or "/page"
  const [, first = '', ...more] = pathname.toLowerCase().split('/');
  if (!first.includes('.') || !more.some(Boolean)) return null;
  const brand = protectedCovering(first, index);
  return brand ? lookalikeHit('embedded-brand', brand, first) : null;
}

/**
 * Free hosting and dynamic DNS (blogspot.com, 000webhostapp.com, hopto.org: the private part of
 * the Public Suffix List) hand every customer a name of their own just below the provider's:
 * "facebookchenxi.blogspot.dk" is a site called facebookchenxi, and is judged like one.
 */
function sharedHostLookalike(
  shared: ReturnType<typeof parse>,
  labels: readonly string[],
  tokens: readonly Token[],
  index: BrandIndex,
) {
  if (!shared.domain || !shared.publicSuffix || !shared.isPrivate) return null;
  const own = labels.length - labelCount(shared.publicSuffix) - 1;
  if (own < 0) return null;
  // Free hosting costs nothing, so it weighs like an abused TLD ("americanexpress.yolasite.com");
  // not on the hosts where companies publish their own pages ("microsoft.github.io").
  const cheap = !isTenantHost(shared.publicSuffix);
  const pieces = tokens.filter((t) => t.label === own);
  return labelLookalike(punycodeToUnicode(labels[own]!), pieces, shared.domain, index, cheap);
}

/** Where the site's own name sits: a free host's customer label, or the registrable label. */
function siteLabel(shared: ReturnType<typeof parse>, labels: readonly string[], own: number) {
  if (!shared.isPrivate || !shared.publicSuffix) return own;
  return labels.length - labelCount(shared.publicSuffix) - 1;
}

function aboveSite(tokens: Token[], site: number, domain: string, host: string, index: BrandIndex) {
  if (!tokens[0] || tokens[0].label >= site) return null; // no label above the site's own
  const labels: string[] = [];
  const pieces: string[] = [];
  for (const t of tokens) {
    if (t.label >= site) break;
    if (labels.length === t.label) labels.push(t.skeleton);
    else labels[t.label] += t.skeleton;
    pieces.push(t.skeleton);
    if (!DIGITS.test(t.skeleton)) continue;
    for (const piece of t.skeleton.split(DIGITS)) if (piece) pieces.push(piece);
  }
  const token = brandAboveSite(labels, pieces, domain, index);
  return token ? lookalikeHit('embedded-brand', token.brand, host) : null;
}

const DIGITS = /\d+/;

function ownPieces(tokens: readonly Token[], own: number): Token[] {
  // The registrable label's pieces come last but for the suffix's: search from the end.
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.label > own) end--;
  let start = end;
  while (start > 0 && tokens[start - 1]!.label === own) start--;
  return tokens.slice(start, end);
}

// Hosts reach the check already extracted, by the URL parser or parseTarget.
const WITH_PRIVATE = { allowPrivateDomains: true, extractHostname: false } as const;
const ICANN_ONLY = { allowPrivateDomains: false, extractHostname: false } as const;

export interface FindLookalike {
  (host: string, userinfo: string, pathname: string): LookalikeHit | null;
}

/** The rules in the order of their confidence; the first that fires names the technique. */
export function createFindLookalike(brands: readonly ProtectedName[]): FindLookalike {
  const index = createBrandIndex(brands);
  const byRules: FindLookalike = (host, userinfo, pathname) => {
    if (protectedCovering(host, index)) return null;
    // One parse for most hosts: the ICANN view is parsed apart only under a private suffix.
    const shared = parse(host, WITH_PRIVATE);
    const info = shared.isPrivate ? parse(host, ICANN_ONLY) : shared;
    if (info.isIp || !info.domain || !info.publicSuffix) return null;
    const labels = splitLabels(host);
    const own = labels.length - labelCount(info.publicSuffix) - 1;
    if (own < 0) return null;
    const site = siteLabel(shared, labels, own);
    const cheap = isAbusedTld(info.publicSuffix);
    const tokens: Token[] = [];
    const ownText = punycodeToUnicode(labels[own]!);
    // One test of the whole host instead of two regexes per piece in confusableSkeleton, and of
    // hyphens in it instead of two searches per label.
    const lowerAscii = !NOT_LOWER_ASCII.test(host);
    const joined = host.indexOf('-') !== -1 || host.indexOf('_') !== -1;
    for (let label = 0; label < labels.length; label++) {
      const unicode = label === own ? ownText : punycodeToUnicode(labels[label]!);
      // Not decoded from punycode: its pieces are the host's own lowercase ASCII.
      const asIs = lowerAscii && unicode === labels[label];
      // Most labels are one piece: no list of pieces to build and walk for them. Decoding adds
      // no hyphen or underscore (and every punycode label has "--"), so a host without them
      // has no label to split.
      if (!joined || (unicode.indexOf('-') === -1 && unicode.indexOf('_') === -1)) {
        if (unicode) pushToken(tokens, unicode, label, asIs);
        continue;
      }
      for (const text of labelPieces(unicode)) if (text) pushToken(tokens, text, label, asIs);
    }
    return (
      embeddedDomain(tokens, own, host, index) ??
      governmentCue(tokens, own, host, index) ??
      labelLookalike(ownText, ownPieces(tokens, own), info.domain, index, cheap) ??
      sharedHostLookalike(shared, labels, tokens, index) ??
      subdomainBrand(tokens, site, host, cheap, index) ??
      aboveSite(tokens, site, info.domain, host, index) ??
      cutName(tokens, own, host, index) ??
      elsewhereInUrl(userinfo, pathname, index)
    );
  };
  return (host, userinfo, pathname) => {
    const hit = byRules(host, userinfo, pathname);
    const rest = hit && outsideBrandWords(host, hit.brand);
    if (!rest) return hit;
    // Judged again without the ordinary words: what is left may still imitate the brand
    // ("revolut-revolution.com") or another one.
    const again = byRules(rest, userinfo, pathname);
    if (!again) return null;
    if (again.brand === hit.brand) return hit;
    return lookalikeHit(again.technique, again.brand, hit.matched);
  };
}
