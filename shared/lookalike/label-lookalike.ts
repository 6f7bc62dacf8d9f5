import { isNewGtld } from './abused-tlds';
import { brandInLabel, namesMail } from './brand-in-label';
import type { BrandIndex, BrandToken } from './brand-index';
import { foldAscii } from './confusable-skeleton';
import { lookalikeHit, type LookalikeHit } from './lookalike-hit';
import { isTradeWordOrTypo } from './trade-words';
import { anySlip, typoMatch } from './typo-match';
import {
  acceptsLure,
  bankBesideLure,
  lureSequenceTier,
  pieceLureTiers,
  strongestTier,
  ZH_LURES,
} from './lure-words';

// Anything outside printable ASCII; hosts from the URL parser hold no control characters.
const NON_ASCII = /[^ -~]/;
const CJK = /[\u3400-\u9fff]/;

/**
 * A label's pieces between hyphens and underscores, empty ones left out; most labels have none.
 * Matched rather than `split(/[-_]+/)` and filtered: a regex split costs more than the rest of
 * a piece.
 */
export function labelPieces(label: string): string[] {
  if (label.indexOf('-') === -1 && label.indexOf('_') === -1) return [label];
  return label.match(PIECES) ?? [];
}

const PIECES = /[^-_]+/g;

/**
 * A slip of the finger on a distinctive name this long is the brand even with a word of any kind
 * hyphened beside it ("accwebmouv-desjardin" in the tune feed): the typo rules that accept the
 * label alone ("desjardin.com") are just as sure of the piece, and an honest company adding a
 * word to its own name spells the name right. Shorter names ("amazn-prime") still need a lure:
 * from 7 letters on, as for a typo above the site. On the tune data: 2 more look-alikes caught,
 * no near-miss, benign or real-host alarm added.
 */
const TYPO_PIECE = 7;

/**
 * A label, or a piece of one, this long that misspells a distinctive name by any one letter is
 * the name, with no lure beside it: "gosuslugei", "gosusrugi", "bitfainex", "gosuslugy-ru" (tune
 * feeds). From nine letters an honest name rarely sits one edit from a brand's; at eight the
 * near-miss list is full of them ("metacask", "metamash", "metamast" beside MetaMask). On the
 * tune data: 1 more look-alike caught in the tune split and 6 among the fresh tune hosts, no
 * near-miss, benign or real-host alarm added.
 */
const LONG_SLIP = 9;

/** One of a label's pieces (Unicode), with its skeleton and look-alike key. */
export interface LabelPiece {
  readonly text: string;
  readonly skeleton: string;
  readonly key: string;
}

/**
 * Look-alikes of the registrable label itself: homoglyph, typo, combosquat. `pieces` are the
 * label's, computed once per host for every rule; `cheap`: the label sits on an abused TLD or
 * a free host, which weighs against it.
 */
export function labelLookalike(
  label: string,
  pieces: readonly LabelPiece[],
  domain: string,
  index: BrandIndex,
  cheap: boolean,
): LookalikeHit | null {
  if (pieces.length === 0) return null;
  const parts = pieces.map((p) => p.text);
  const skeletons = pieces.map((p) => p.skeleton);
  // The brand's own name on another TLD: a look-alike only where that TLD is a cheap, abused
  // one, or one where that kind of brand does not live (`exactNameAway`).
  if (index.exactTokens.has(label)) {
    const alone = brandInLabel(skeletons, cheap, index) ?? exactNameAway(pieces, domain, index);
    return alone ? lookalikeHit('typo', alone.token.brand, domain) : null;
  }
  const idn = NON_ASCII.test(label);
  const whole = parts.length === 1 ? label : parts.join('');
  const skeleton = skeletons.length === 1 ? skeletons[0]! : skeletons.join('');
  const same = index.byKey.get(pieces.length === 1 ? pieces[0]!.key : foldAscii(skeleton))?.[0];
  // An IDN whose skeleton is a brand is a homoglyph at any length; plain ASCII needs more.
  // A hyphen put inside a distinctive name is as deliberate as a digit: "v-enmo", "drop-box";
  // compared unfolded ("v-mail" is not Vmall) and not for mail names ("g-mail" mail services).
  const split =
    parts.length > 1 &&
    same?.strength === 'distinctive' &&
    same.skeleton === skeleton &&
    !namesMail(skeleton);
  if (same && (idn || split || asciiLookalike(whole, same.text))) {
    return lookalikeHit(idn ? 'homoglyph' : 'typo', same.brand, domain);
  }
  const spelled = idn ? index.domainLabels.get(skeleton) : undefined;
  if (spelled) return lookalikeHit('homoglyph', spelled, domain);
  const typo =
    typoMatch(skeleton, index, cheap) ??
    (skeleton.length >= LONG_SLIP ? anySlip(skeleton, index) : null);
  if (typo) return lookalikeHit(idn ? 'homoglyph' : 'typo', typo.brand, domain);

  const keys = parts.length > 1 ? pieces.map((p) => p.key) : [];
  for (let p = 0; p < keys.length; p++) {
    const exact = index.byKey.get(keys[p]!)?.[0];
    const slip = exact ? undefined : typoMatch(skeletons[p]!, index, cheap);
    // A misspelling that is no slip of the keyboard (`anySlip`) counts only beside a lure, or
    // in a piece as long as a whole label that needs none (`LONG_SLIP`); as its tokens are
    // distinctive, `acceptsLure` below asks for no more than that.
    const misspelt = exact || slip ? null : anySlip(skeletons[p]!, index);
    const token = exact ?? slip ?? misspelt;
    if (!token) continue;
    if (
      (slip && slip.strength === 'distinctive' && slip.skeleton.length >= TYPO_PIECE) ||
      (misspelt && skeletons[p]!.length >= LONG_SLIP)
    ) {
      return lookalikeHit('typo', token.brand, domain);
    }
    const others = pieces.filter((_, q) => q !== p);
    const ownWord = others.some(
      ({ key }) =>
        isTradeWordOrTypo(token.brand.kind, key) ||
        index.byKey.get(key)?.some((t) => t.brand === token.brand),
    );
    const tier = ownWord ? 1 : strongestTier(others.flatMap(pieceLureTiers));
    if (acceptsLure(token, tier, cheap) || bankBesideLure(token, tier)) {
      return lookalikeHit('combosquat', token.brand, domain);
    }
  }
  // The label's other pieces speak too: "verify-account-intl-servicesapple" (tune feed) has
  // its tier-1 lure beside the glued piece, not in it. They only raise the tier of a piece
  // that is brand and lure words throughout, so "applejuice-login" stays a juice shop's.
  const tiers = keys.length > 0 ? keys.map(lureSequenceTier) : NO_TIERS;
  for (let p = 0; p < skeletons.length; p++) {
    const around = tiers.length > 0 ? strongestTier(tiers.filter((_, q) => q !== p)) : undefined;
    const glued = gluedCombo(skeletons[p]!, index, cheap, around);
    if (glued) return lookalikeHit('combosquat', glued.brand, domain);
  }
  const inside = brandInLabel(skeletons, cheap, index);
  if (inside) return lookalikeHit(inside.alone ? 'typo' : 'combosquat', inside.token.brand, domain);
  const byDigits = idn ? null : digitPieces(skeletons);
  if (byDigits) return labelLookalike(label, byDigits, domain, index, cheap);
  if (idn && CJK.test(label)) {
    for (const [zh, brand] of index.zhNames) {
      if (label === zh || !label.includes(zh)) continue;
      const rest = label.split(zh).join('');
      if (ZH_LURES.some((lure) => rest.includes(lure))) {
        return lookalikeHit('combosquat', brand, domain);
      }
    }
  }
  return null;
}

/**
 * A brand glued to lure words without a hyphen: "icbckefu", "paypalverify", "secureebay".
 * Compared by skeleton: the i→l fold would read "tmailservices" as Tmall. Short tokens only
 * lead and only with tier-1 lures ("fblogin", "jdkefu"): "qq" or "jd" glued to anything else,
 * or after anything, is most of the web; on an abused TLD (`cheap`) they may follow and take
 * tier 2 ("cibanquan.top", "appuob.shop"). Ordinary words only from 6 letters and beside a
 * lure of 4 ("krakenhelp.vip"): glued to "my" or "app" they are compound names
 * ("mycrypto.live", "outlookapp.tech").
 */
function gluedCombo(
  skeleton: string,
  index: BrandIndex,
  cheap: boolean,
  around: 1 | 2 | undefined,
): BrandToken | null {
  if (skeleton.length < 5) return null;
  const head = index.skeletonHeads.has(skeleton.slice(0, 4));
  for (let k = 2; k <= skeleton.length - 2; k++) {
    if (k >= 4 && !head) break;
    for (const token of index.bySkeleton.get(skeleton.slice(0, k)) ?? []) {
      const tier = withAround(lureSequenceTier(foldAscii(skeleton.slice(k))), around);
      const rest = skeleton.length - k;
      if (acceptsLure(token, tier, weighsCheap(token, rest, cheap))) return token;
      if (tier !== undefined && wordBeforeLongLure(token, skeleton.slice(k))) return token;
    }
  }
  const tail = index.skeletonTails.has(skeleton.slice(-4));
  for (let k = 2; tail && k <= skeleton.length - 4; k++) {
    for (const token of index.bySkeleton.get(skeleton.slice(k)) ?? []) {
      const tier = withAround(lureSequenceTier(foldAscii(skeleton.slice(0, k))), around);
      if (
        (cheap || token.strength !== 'short') &&
        acceptsLure(token, tier, weighsCheap(token, k, cheap))
      ) {
        return token;
      }
    }
  }
  return null;
}

const NO_TIERS: readonly (1 | 2 | undefined)[] = [];

/** A glued piece's own lure tier, raised by the label's other pieces once the piece is a combo. */
function withAround(tier: 1 | 2 | undefined, around: 1 | 2 | undefined): 1 | 2 | undefined {
  return tier === undefined ? undefined : strongestTier([tier, around]);
}

/**
 * An ordinary-word name of 5+ letters with 7+ letters of lure words glued after it, any tier:
 * "steamsupports", "appleaccount-fraud", "applesupportweb" (tune feeds). A word of one's own
 * before "online" or "care" is a business name ("chaseonline", "applecare"), and so is one
 * before "service" or "center": that is how repair shops name themselves
 * ("appleservice-center"). A brand's word run straight into "account", "support" or
 * "billing" is a login page's address. Shorter names are left out ("metadownload", a
 * benign-list domain). On the tune data: 2 more look-alikes caught in the tune split and 2
 * among the fresh tune hosts, no near-miss, benign or real-host alarm added.
 */
function wordBeforeLongLure(token: BrandToken, lure: string): boolean {
  return (
    token.strength === 'common' &&
    token.text.length >= 5 &&
    lure.length >= 7 &&
    !SHOP_WORDS.test(lure)
  );
}

const SHOP_WORDS = /^(?:servic|cent(?:er|re)|care|repair)/;

/**
 * The `cheap` gluedCombo gives acceptsLure: the abused TLD speaks for a short token, and for one
 * of 6+ letters glued to 4+ more. A function of its own, not a closure in gluedCombo, which was
 * built (and under tsx named through Object.defineProperty) for every label checked.
 */
function weighsCheap(token: BrandToken, rest: number, cheap: boolean): boolean {
  return cheap && (token.strength === 'short' || (token.text.length >= 6 && rest >= 4));
}

/**
 * Plain-ASCII labels with the brand's look-alike key: "app1e", "rnicrosoft", "pay-pal". At 4–5
 * characters an i/l swap alone is too often an honest name ("tmail" beside Tmall, "vmail"
 * beside Vmall), so it needs 6+; digits, "rn" and "vv" are deliberate at 4+.
 */
function asciiLookalike(typed: string, brand: string): boolean {
  if (typed.length < 4) return false;
  if (typed.length >= 6 || typed.length !== brand.length) return true;
  for (let i = 0; i < typed.length; i++) {
    const a = typed[i]!;
    const b = brand[i]!;
    if (a !== b && !('il'.includes(a) && 'il'.includes(b))) return true;
  }
  return false;
}

/**
 * The label's pieces split again where digits stand between letters, the digits left out: a
 * digit there parts words as a hyphen does ("adobe1updates", "adobeupdate1nshowerstall" in
 * the tune feeds), and the rules above are tried on the words. Null where that gives no more
 * pieces (no digit inside a piece: nearly every label). On the tune data: 1 more look-alike
 * caught in the tune split and 1 among the fresh tune hosts, no near-miss, benign or real-host
 * alarm added.
 */
function digitPieces(skeletons: readonly string[]): LabelPiece[] | null {
  if (!skeletons.some((s) => INNER_DIGITS.test(s))) return null;
  const words = skeletons.flatMap((s) => s.split(DIGIT_RUN)).filter(Boolean);
  return words.map((w) => ({ text: w, skeleton: w, key: foldAscii(w) }));
}

const INNER_DIGITS = /[^\d]\d+[^\d]/;
const DIGIT_RUN = /\d+/;

/** Kinds of brand that keep their own name off the new gTLDs. */
const OFF_NEW_GTLDS = new Set(['bank', 'government', 'shop', 'payment']);

/**
 * New gTLDs where companies publish work for builders, not customers: design systems
 * ("wechat.design", a near-miss) and developer documentation. No one signs in or pays there,
 * and a warning would send a designer or a developer away from the real company.
 */
const BUILDER_TLDS = new Set(['design', 'dev']);

/**
 * A distinctive name, exactly, where its brand does not live:
 * - a bank's, a government service's, a shop's or a payment service's on a new gTLD:
 *   "sberbank.agency", "gosuslugi.directory", "netflix.promo", "aliexpress.family",
 *   "paypal.rent" (tune feeds). Banks and state portals keep to their country's TLD and the
 *   old generic ones, and shops and payment services take money under them too; crypto
 *   projects do run sites on the new ones ("opensea.institute", "uniswap.ninja" among the
 *   near-misses), so their names still need an abused TLD;
 * - a government service's on any TLD but its own: a state portal lives under its country's
 *   domain only, so "gosuslugi.uk" and "gosuslugi.asia" (tune feed) are no one's portal.
 * On the tune data: banks and state services on new gTLDs 8 more look-alikes caught among the
 * fresh tune hosts; shops 1 more in the tune split and 4 among the fresh ones; payment
 * services 2 more among the fresh ones; state services anywhere 3 more among the fresh ones;
 * no near-miss, benign or real-host alarm added.
 */
function exactNameAway(
  pieces: readonly LabelPiece[],
  domain: string,
  index: BrandIndex,
): { token: BrandToken; alone: boolean } | null {
  if (pieces.length !== 1) return null;
  const suffix = domain.slice(domain.indexOf('.') + 1);
  const newGtld = isNewGtld(suffix) && !BUILDER_TLDS.has(suffix);
  const token = index.bySkeleton
    .get(pieces[0]!.skeleton)
    ?.find(
      (t) =>
        t.strength === 'distinctive' &&
        (t.brand.kind === 'government' || (newGtld && OFF_NEW_GTLDS.has(t.brand.kind))),
    );
  return token ? { token, alone: true } : null;
}
