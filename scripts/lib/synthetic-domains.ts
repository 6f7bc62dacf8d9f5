/**
 * Deterministic, realistic-looking scam domains for 1M-scale benchmarks: brand and bait
 * words joined the way phishing kits name sites (`icbc-secure-login.top`,
 * `m.refund-taobao88.cn`), so sizes and delta compression are not flattered by `a1.com`.
 */
const BRANDS =
  'icbc ccb boc abc cmb alipay wechat taobao tmall jd pinduoduo meituan paypal apple amazon microsoft outlook netflix chase wellsfargo hsbc dhl fedex ups usps sfexpress unionpay visa mastercard binance coinbase metamask steam tiktok douyin weibo qq baidu huawei xiaomi 10086 chinamobile etc12306 tax court police'.split(
    ' ',
  );
const BAIT =
  'secure login verify account update refund service support help center online pay wallet bonus gift lottery loan credit limit invest trade coin crypto vip club bet game task job earn cash fast safe auth id check notice alert unlock recover claim prize official app mobile web portal'.split(
    ' ',
  );
const TLDS =
  'com com com net org cn cn top xyz info online shop site club vip cc icu live buzz work fun link co store tk ml ga asia'.split(
    ' ',
  );
const SUBS = ['www', 'm', 'h5', 'app', 'login', 'secure', 'pay', 'wap', 'api', 'cdn'];

/** A small seeded PRNG (mulberry32): the same seed gives the same domains on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDomains(
  count: number,
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out = new Set<string>();
  while (out.size < count) {
    const words = [pick(BRANDS), pick(BAIT)];
    if (random() < 0.5) words.push(pick(BAIT));
    if (random() < 0.5) words.reverse();
    let name = words.join(random() < 0.6 ? '-' : '');
    if (random() < 0.7) name += Math.floor(random() * 10 ** (1 + Math.floor(random() * 4)));
    let domain = `${name}.${pick(TLDS)}`;
    if (random() < 0.2) domain = `${pick(SUBS)}.${domain}`;
    if (!exclude.has(domain)) out.add(domain);
  }
  return [...out];
}
