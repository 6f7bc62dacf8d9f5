import type { BrandToken } from './brand-index';
import { foldAscii, lookalikeKey } from './confusable-skeleton';
import { misspells } from './typo-match';

/**
 * Words that phishing domains glue to a brand ("icbc-kefu", "paypal-verify"), in two tiers.
 * Tier 1 asks for credentials or money, or names a scam script (退款 refund, 客服 customer
 * service, 解冻 unfreeze, 注销 close account); it is rare next to a brand on an honest site.
 * Tier 2 is the generic service vocabulary that honest businesses also use ("visa-service",
 * "live-support"), so it only counts next to distinctive brand tokens. Not "hk": brands name
 * their Hong Kong sites that way ("alipayhk.com", "bochk.com"), and no domain in the phishing
 * feed needed it.
 */
const TIER_1 = (
  'login logon signin signon verify verification validate unlock unblock suspended locked ' +
  'recover recovery password refund refunds tuikuan kefu denglu yanzheng renzheng jiedong ' +
  'dongjie lipei zhuxiao buchang tiee daikuan verified verifications verifying verifikasi ' +
  'weryfikacja giveaway airdrop unlocked reactivate reactivation ' +
  // Spanish and Portuguese for "sign in", as "verifikasi" is Indonesian for "verify":
  // "outlook-entrar.net", "gmailentrar.com.br" (fresh tune hosts; 2 more caught, no alarm).
  'entrar ' +
  // The address line's "www." put inside the name, the dot made a hyphen and its letters slipped:
  // "www-paypial.com", "wvw-payipal.com" (fresh tune hosts; 3 more caught, no alarm added).
  'www wvw vww ww'
).split(' ');
const TIER_2 = (
  'secure security safety account accounts service services support help helpdesk ' +
  'customer care billing payment update confirm auth anquan zhifu guanwang zhongxin fuwu ' +
  'wallet claim reward rewards bonus gift notice alert online app web mobile official ' +
  'portal center centre member client cn china vip my id alert alerts notification ' +
  'notifications notice notif sms card cards bank banking ticket tickets document documents ' +
  'docs drive download reader activate activation claims prize delivery parcel tracking ' +
  'shipping invoice cancel cancellation inbox mailbox webmail updater upgrade ' +
  // The words of "confirm your information" and "manage your account" notices: 4 more
  // look-alikes caught among the fresh tune hosts ("payipal-infomation", "paypai-confirmation"),
  // no near-miss, benign or real-host alarm added.
  'confirmation information manage ' +
  // "Verify your email": "instagramemail", "verizonemails" (fresh tune hosts; 4 more caught, no
  // alarm added). Not "mail": brands that run a mail service name it that way themselves
  // ("icloudmail", "sinamail", "verizonmail": 5 alarms in the benign list).
  'email ' +
  // A support line's, from tech-support scams that sell a number to call: "adobetechsupport",
  // "gmailhelplinenumber", "adobecontactnumber" (fresh tune hosts; 4 more caught, no alarm
  // added).
  'tech helpline phone number contact'
).split(' ');

/** Chinese counterparts, matched inside decoded IDN labels (客服, 退款, 登录 …). */
export const ZH_LURES: readonly string[] =
  '客服 退款 登录 登陆 验证 认证 安全 官网 中心 服务 理赔 冻结 解冻 注销 贷款 额度 提额 补贴 账户 帐户 支付 退费'.split(
    ' ',
  );

const TIERS = new Map<string, 1 | 2>([
  ...TIER_2.map((w) => [lookalikeKey(w), 2] as const),
  ...TIER_1.map((w) => [lookalikeKey(w), 1] as const),
]);

/** The tier of a lure word given as a look-alike key (so "1ogin" counts), or undefined. */
export function lureTier(key: string): 1 | 2 | undefined {
  return TIERS.get(key);
}

/** The first two letters of every lure word: most pieces of most hosts start otherwise. */
const HEADS = new Set([...TIERS.keys()].map((w) => w.slice(0, 2)));

/** A lure word, or its plural ("supports", "downloads"). */
function wordTier(word: string): 1 | 2 | undefined {
  return TIERS.get(word) ?? (word.endsWith('s') ? TIERS.get(word.slice(0, -1)) : undefined);
}

/**
 * Whether `key` is spelled entirely out of lure words, and if so the tier of its strongest
 * word ("securelogin" → 1, "secureonline" → 2): how "icbckefu" is told from "icbcasia".
 */
export function lureSequenceTier(key: string): 1 | 2 | undefined {
  if (key.length === 0 || key.length > 40 || !HEADS.has(key.slice(0, 2))) return undefined;
  // best[i]: the strongest tier over the ways to spell key.slice(0, i); 0 = impossible so far,
  // 3 = the empty prefix (possible, no word yet).
  const best = new Array<number>(key.length + 1).fill(0);
  best[0] = 3;
  for (let end = 1; end <= key.length; end++) {
    for (let start = Math.max(0, end - 16); start < end; start++) {
      const before = best[start]!;
      const tier = before ? wordTier(key.slice(start, end)) : undefined;
      if (tier === undefined) continue;
      const strongest = Math.min(before, tier);
      if (!best[end] || strongest < best[end]!) best[end] = strongest;
    }
  }
  const result = best[key.length];
  return result === 1 || result === 2 ? result : undefined;
}

/**
 * Lure tiers of a piece beside a brand, and of its parts between digits: "secure18x" holds
 * "secure", and "login11" ("chase-login11.xyz", one of a kit's hosts counted up in the fresh
 * tune hosts) "login". The parts are read off the skeleton, before the ASCII folds make
 * "login11" "loginll".
 */
export function pieceLureTiers(piece: {
  readonly key: string;
  readonly skeleton: string;
}): (1 | 2 | undefined)[] {
  const tier = misspeltLureTier(piece.key);
  if (tier || !DIGITS.test(piece.skeleton)) return [tier];
  return piece.skeleton.split(DIGITS).map((part) => lureSequenceTier(foldAscii(part)));
}

const DIGITS = /\d+/;

/** The strongest tier among several words' tiers. */
export function strongestTier(tiers: readonly (1 | 2 | undefined)[]): 1 | 2 | undefined {
  return tiers.includes(1) ? 1 : tiers.includes(2) ? 2 : undefined;
}

/**
 * Which lure tier a brand token needs beside it. Distinctive tokens ("icbc", "paypal") take
 * any lure; short ones ("qq", "jd") and ordinary words ("apple", "court") only tier 1, so that
 * qq-service.com and apple-support.com (as often a repair shop as a phish) stay quiet while
 * qq-login.com and apple-verify.com do not. On an abused TLD (`cheap`) the TLD is the third
 * piece of evidence, so tier 2 will do for them too ("chase-sms.info", "qq-service.top").
 */
export function acceptsLure(token: BrandToken, tier: 1 | 2 | undefined, cheap = false): boolean {
  if (tier === undefined) return false;
  return token.strength === 'distinctive' || tier === 1 || cheap;
}

/**
 * A bank's ordinary-word name ("chase") beside any lure, where `acceptsLure` asks an ordinary
 * word for tier 1: no one repairs a bank or sells what goes with it, so "chase-support.com"
 * and "secure4chase.com" (fresh tune hosts) have no honest reading that "apple-support.com"
 * has. For words standing apart, hyphened, numbered or a label of their own: run together
 * ("chaseonline") a word and a lure make a business name as often. Short names ("ccb", "nab")
 * still need tier 1: three letters beside "helpdesk" are any company's. On the tune data: 5
 * more look-alikes caught among the fresh tune hosts, no near-miss, benign or real-host alarm.
 */
export function bankBesideLure(token: BrandToken, tier: 1 | 2 | undefined): boolean {
  return tier !== undefined && token.strength === 'common' && token.brand.kind === 'bank';
}

/**
 * The tier of a lure word that a whole piece misspells by one slip of the finger ("acount",
 * "suport"; `misspells`), where the piece is no lure sequence as spelled. Phishing hosts are
 * typed in haste and misspell their lures as often as their brands; an honest site beside a
 * brand's name spells its own words. Only for whole pieces beside the brand, not inside glued
 * ones.
 */
export function misspeltLureTier(key: string): 1 | 2 | undefined {
  const tier = lureSequenceTier(key);
  if (tier !== undefined || key.length < 6) return tier;
  let best: 1 | 2 | undefined;
  for (const [word, wordTier] of TIERS) {
    if (misspells(key, word)) best = strongestTier([best, wordTier]);
  }
  return best;
}
