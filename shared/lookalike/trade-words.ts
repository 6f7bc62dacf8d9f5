import { lookalikeKey } from './confusable-skeleton';
import { misspells } from './typo-match';
import type { ProtectedKind } from './protected-names';

/**
 * The words of each kind of brand's own trade: beside a carrier's name "shipping" or "kurier",
 * beside a telecom's "wireless", beside a tax office's "tax". Next to the brand they are what
 * the phish is about, so they count as a tier-1 lure for that kind only: "dhl-shipping",
 * "att-wireless", "irs-tax-refund", while "dhl-wireless" stays a tier-2 question. A messaging
 * app's trade is its installer: people get the real one from an app store or the brand's own
 * site, and "telegram-downloads" (tune feed) is where fake ones are handed out.
 */
const TRADE_WORDS: Readonly<Record<ProtectedKind, ReadonlySet<string>>> = {
  bank: words('bank banking ib ebanking netbank transfer'),
  payment: words('pay payment transfer'),
  shop: words('order orders shop store'),
  mail: words('shipping shipment parcel package delivery tracking track express kurier courier'),
  social: words('chat messenger download downloads'),
  telecom: words('wireless network mobile sim esim prepaid'),
  government: words('tax ein refund'),
  crypto: words('wallet coin token swap ico exchange'),
};

/** Held as look-alike keys, as the pieces they are compared with are ("tracklng"). */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' ').map(lookalikeKey));
}

/** Whether `key` (a look-alike key) is a word of the trade of brands of `kind`. */
export function isTradeWord(kind: ProtectedKind, key: string): boolean {
  return TRADE_WORDS[kind].has(key);
}

/**
 * Whether `key` is a word of the trade of brands of `kind`, or one misspelt by one slip
 * (`misspells`: "nab-bnking" in the tune feed), as `misspeltLureTier` reads lure words.
 */
export function isTradeWordOrTypo(kind: ProtectedKind, key: string): boolean {
  const trade = TRADE_WORDS[kind];
  if (trade.has(key)) return true;
  if (key.length < 6) return false;
  for (const word of trade) if (misspells(key, word)) return true;
  return false;
}
