import type { BrandIndex, BrandToken } from './brand-index';

/**
 * Brand tokens this long and not ordinary words are rare inside honest names: "wellsfargo24app",
 * "spotify-stock", "adobedelivery" in the phishing feeds, where the word beside the brand is no
 * lure word at all. Shorter ones ("ebay", "citi") sit inside too many words ("citizen").
 */
export const LONG_BRAND = 6;

function longToken(skeleton: string, index: BrandIndex): BrandToken | null {
  if (skeleton.length < LONG_BRAND) return null;
  return index.bySkeleton.get(skeleton)?.find((t) => t.strength === 'distinctive') ?? null;
}

/**
 * A whole hyphen-separated piece that is a brand token of 4+ letters: "credito-itau",
 * "contact-ebay", "adobe-up-ver" (tune feed). Not a mail-kind name beside a piece that names
 * mail (`besideMail`): mail tools and aliases borrow the providers' names ("yahoo-mail-tools");
 * those still need a lure, or 6+ letters. Elsewhere the kind says little: the list format files
 * carriers and document services (FedEx, Adobe, DocuSign) under mail too, and a piece naming
 * one of them beside an unrelated word is as much the lure as a bank's. Every mail-kind name
 * used to be left out here; letting them in beside words that do not name mail caught 1 more
 * tune look-alike, and no honest name in the near-miss, benign or real-host lists gained an
 * alarm.
 */
export function pieceToken(
  skeleton: string,
  index: BrandIndex,
  besideMail: boolean,
): BrandToken | null {
  if (skeleton.length >= LONG_BRAND) return longToken(skeleton, index);
  if (skeleton.length < 4) return null;
  const tokens = index.bySkeleton.get(skeleton) ?? [];
  return (
    tokens.find((t) => t.strength === 'distinctive' && !(besideMail && t.brand.kind === 'mail')) ??
    null
  );
}

/**
 * Brand tokens this long are found anywhere inside a piece: "thefacebookk", "dailypaypalprofits"
 * (tune feed). The same length as a brand glued at either end: a distinctive name of six
 * letters is no more part of an honest word in the middle of a label than at its start. Lowered
 * from 7 on the tune data: 1 more look-alike caught, no near-miss, benign or real-host alarm.
 */
const BURIED_BRAND = LONG_BRAND;

/**
 * A long brand token glued to anything at the start or end of one piece ("netflixgiftcard"), or
 * a longer one anywhere inside it ("embedfacebookalbum").
 */
export function gluedLongBrand(skeleton: string, index: BrandIndex): BrandToken | null {
  if (skeleton.length <= LONG_BRAND) return null;
  // The four-letter gates skip the loop for nearly every honest label.
  const head = index.skeletonHeads.has(skeleton.slice(0, 4));
  const tail = index.skeletonTails.has(skeleton.slice(-4));
  for (let k = LONG_BRAND; (head || tail) && k < skeleton.length; k++) {
    const token =
      (head ? longToken(skeleton.slice(0, k), index) : null) ??
      (tail ? longToken(skeleton.slice(-k), index) : null);
    if (token) return token;
  }
  for (let i = 1; i + BURIED_BRAND < skeleton.length; i++) {
    if (!index.skeletonHeads.has(skeleton.slice(i, i + 4))) continue;
    for (let end = i + BURIED_BRAND; end < skeleton.length; end++) {
      const token = longToken(skeleton.slice(i, end), index);
      if (token) return token;
    }
  }
  return null;
}

/** The shortest distinctive name found inside a piece on an abused TLD. */
const CHEAP_BURIED = 5;

/**
 * On an abused TLD, a distinctive name of 5+ letters anywhere inside a piece, with words
 * before or after it: "dex-huobiglo.info", "waitingforfedexship.info" (tune feed). Elsewhere a
 * name this short needs a lure or a hyphen, as it sits inside too many honest words; here the
 * TLD is the second piece of evidence, as it is for the name alone ("netflix.top"). One or
 * two letters beside the name are not words but the typo rules' business: "yahoox.cyou", a
 * disposable-mail domain in the benign list, stays theirs. On the tune data: 2 more look-alikes
 * caught, no near-miss, benign or real-host alarm.
 */
function buriedOnCheap(skeleton: string, index: BrandIndex): BrandToken | null {
  for (let i = 0; i + CHEAP_BURIED <= skeleton.length; i++) {
    if (i === 1 || i === 2 || !index.skeletonHeads.has(skeleton.slice(i, i + 4))) continue;
    for (let end = i + CHEAP_BURIED; end <= skeleton.length; end++) {
      const after = skeleton.length - end;
      if ((i === 0 && after === 0) || after === 1 || after === 2) continue;
      const tokens = index.bySkeleton.get(skeleton.slice(i, end));
      const token = tokens?.find((t) => t.strength === 'distinctive');
      if (token) return token;
    }
  }
  return null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** "ebay24", "hsbc2x", "paypalv2", "4121wellsfargo": a brand token plus only digits or a version. */
function brandWithNumber(skeleton: string, index: BrandIndex): BrandToken | null {
  const last = skeleton.charCodeAt(skeleton.length - 1);
  // Most pieces neither start with a digit nor end in one or an x: checked before any regex.
  if (!isDigit(skeleton.charCodeAt(0)) && !isDigit(last) && last !== 0x78 /* x */) return null;
  if (NUMBER_WITH_VERSION.test(skeleton)) return numberWithVersion(skeleton, index);
  const bare = skeleton.replace(NUMBER_AROUND, '');
  if (bare === skeleton || bare.length < 4) return null;
  return index.bySkeleton.get(bare)?.find((t) => t.strength === 'distinctive') ?? null;
}

const NUMBER_AROUND = /^\d+|(?:v?\d+x?)$/g;
const NUMBER_WITH_VERSION = /^\d{4,}(?:v\d+|\d*x)$/;
const VERSION = /^(?:v\d+|\d*x)$/;

/**
 * A brand that is a number ("12306", "95516") plus a version: "12306v2", "955162x". Plain
 * digits after it are left alone: "1230668" is just another number.
 */
function numberWithVersion(skeleton: string, index: BrandIndex): BrandToken | null {
  for (let cut = 4; cut < skeleton.length; cut++) {
    if (!VERSION.test(skeleton.slice(cut))) continue;
    const token = index.bySkeleton.get(skeleton.slice(0, cut))?.[0];
    if (token) return token;
  }
  return null;
}

/**
 * Mail services and mail tools are named after the providers they work with ("hotmailpro",
 * "freehotmail", "verizonmail", "mailfortiktok", "gmail-xsniper": disposable-mail domains in
 * the benign list); beside "mail" a brand's name is no lure by itself.
 */
export function namesMail(skeleton: string): boolean {
  return skeleton.includes('mail');
}

/**
 * The brand's name inside the registrable label with words that are not lures, or alone on an
 * abused TLD or free host (`cheap`). `skeletons` are those of the label's hyphen-separated pieces.
 */
export function brandInLabel(
  skeletons: readonly string[],
  cheap: boolean,
  index: BrandIndex,
): { token: BrandToken; alone: boolean } | null {
  if (cheap) {
    // On an abused TLD the brand's name needs no lure beside it: "netflix.top", "yahoo-wifi.link".
    for (const s of skeletons) {
      if (skeletons.length > 1 && namesMail(s)) continue;
      const exact = index.bySkeleton.get(s)?.find((t) => t.strength !== 'common');
      if (exact && s.length >= 3) return { token: exact, alone: skeletons.length === 1 };
    }
    for (const s of skeletons) {
      const buried = namesMail(s) ? null : buriedOnCheap(s, index);
      if (buried) return { token: buried, alone: false };
    }
  }
  const besideMail = skeletons.length > 1 && skeletons.some(namesMail);
  for (const s of skeletons) {
    const mail = namesMail(s);
    const token =
      (skeletons.length > 1 && !mail ? pieceToken(s, index, besideMail) : null) ??
      (mail ? null : gluedLongBrand(s, index)) ??
      brandWithNumber(s, index);
    if (token) return { token, alone: false };
  }
  return null;
}
