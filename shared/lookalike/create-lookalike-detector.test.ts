import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createAllowlist } from '../allowlist';
import { createLookalikeDetector } from './create-lookalike-detector';
import { parseProtectedNames } from './protected-names';

const protectedNames = parseProtectedNames(namesJson);
const detector = createLookalikeDetector({ protectedNames });

function verdictOf(url: string) {
  const v = detector.check(url);
  return v && [v.technique, v.brand.id];
}

describe('createLookalikeDetector', () => {
  it.each([
    ['http://аррle.com/', 'apple'], // Cyrillic а, р
    ['xn--80ak6aa92e.com', 'apple'], // all-Cyrillic "аррӏе", as punycode
    ['https://раураl.com/signin', 'paypal'], // Cyrillic р, а, у
    ['ρayρal.net', 'paypal'], // Greek rho
    ['gοοgle.com', 'google'], // Greek omicron
    ['ісbс.com.cn', 'icbc'], // Cyrillic і, с
    ['аlірау.com', 'alipay'],
    ['bіnаnce.com', 'binance'],
    ['tiktoк.com', 'tiktok'], // Cyrillic к, which confusables.txt only lists in capitals
    ['àpplé.com', 'apple'], // accents stripped
    ['ebаy.com', 'ebay'], // a 4-letter brand: homoglyphs have no length threshold
  ])('catches the homoglyph %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['homoglyph', brand]);
  });

  it.each([
    ['app1e.com', 'apple'], // digit one for l
    ['rnicrosoft.com', 'microsoft'], // rn for m
    ['paypa1.com', 'paypal'],
    ['1cbc.com', 'icbc'],
    ['paypall.com', 'paypal'], // doubled letter
    ['amazn.com', 'amazon'], // dropped letter
    ['gmial.com', 'google'], // swapped neighbours
    ['alipya.com', 'alipay'],
    ['taobaoo.com', 'taobao'],
    ['micrsoft.com', 'microsoft'],
    ['instagarm.com', 'instagram'],
    ['bankofamerca.com', 'bankofamerica'],
    ['wellsfarog.com', 'wellsfargo'],
    ['pay-pal.com', 'paypal'], // hyphen inserted
    ['coinbasse.com', 'coinbase'],
    ['outiook.com', 'microsoft'],
  ])('catches the typo %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['typo', brand]);
  });

  it.each([
    ['icbc-kefu.top', 'icbc'],
    ['paypal-verify.net', 'paypal'],
    ['icbckefu.com', 'icbc'],
    ['secure-paypal-login.com', 'paypal'],
    ['apple-verify.com', 'apple'], // an ordinary word, but with a tier-1 lure
    ['alipay-tuikuan.cn', 'alipay'],
    ['jd-kefu.com', 'jd'], // short token, hyphen, tier-1 lure
    ['fblogin.vip', 'facebook'],
    ['taobao-refund.shop', 'taobao'],
    ['icbc-gongshangyinhang.com', 'icbc'], // the brand's own pinyin as the extra word
    ['binance-support.com', 'binance'],
    ['alipay-cn-kefu.com', 'alipay'], // a region beside a tier-1 lure still counts
    ['paypai-login.com', 'paypal'], // look-alike plus lure
    ['工商银行客服.com', 'icbc'], // Chinese IDN: brand plus 客服
    ['支付宝退款.net', 'alipay'],
  ])('catches the combosquat %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['combosquat', brand]);
  });

  it.each([
    ['www.icbc.com.cn.secure-check.xyz', 'icbc'],
    ['paypal.com-login.example.top', 'paypal'],
    ['icbc-com.cn', 'icbc'],
    ['paypal.verify-account.com', 'paypal'],
    ['login.coinbase.secure-node.xyz', 'coinbase'],
    ['https://paypal.com@evil.top/', 'paypal'], // user-info trick
    ['https://evil.top/www.paypal.com/signin', 'paypal'], // path trick
    ['apple.com.login-id.top', 'apple'],
  ])('catches the embedded brand in %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['embedded-brand', brand]);
  });

  it.each([
    ['gov-cn-police.com', 'govcn'],
    ['mps-gov.cn.com', 'mps'],
    ['chinatax-gov.top', 'chinatax'],
    ['spp-gov-cn.top', 'spp'],
    ['www.mps.gov.cn.case-check.xyz', 'mps'],
    ['govcn-anquan.com', 'govcn'],
    ['court-gov.net', 'court'],
    ['l2306.cn', '12306'], // any rule that fires for a government body reports it as such
    ['12306-tuikuan.com', '12306'],
    ['gov-uk-refund.com', 'govuk'],
  ])('reports %s as government impersonation of %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['government-impersonation', brand]);
  });

  it.each([
    ['ntflix.com', 'typo', 'netflix'], // dropped letter, 7 letters
    ['spotfy.com', 'typo', 'spotify'],
    ['ppaypal.com', 'typo', 'paypal'], // doubled first letter
    ['apypal.com', 'typo', 'paypal'], // first two letters swapped
    ['paypsl.com', 'typo', 'paypal'], // s beside a on the keyboard
    ['amazom.com', 'typo', 'amazon'], // m beside n
    ['netflix.top', 'typo', 'netflix'], // the exact name on an abused TLD
    ['natwest.one', 'typo', 'natwest'],
    ['usps.tools', 'typo', 'usps'],
    ['netflixgiftcard.net', 'combosquat', 'netflix'], // a long brand glued to any word
    ['wellsfargo24app.com', 'combosquat', 'wellsfargo'],
    ['spotify-stock.com', 'combosquat', 'spotify'],
    ['paypalv2.com', 'combosquat', 'paypal'], // brand plus a version
    ['ebay2x.com', 'combosquat', 'ebay'], // a 4-letter brand plus digits
    ['4121wellsfargo.com', 'combosquat', 'wellsfargo'],
    ['dhl-parcel-verify.com', 'combosquat', 'dhl'], // protected names the feeds show attacked
    ['secure-fedex.top', 'combosquat', 'fedex'],
    ['metamask-wallet.xyz', 'combosquat', 'metamask'],
    ['yahoo-wifi.link', 'combosquat', 'yahoo'], // brand beside any word on an abused TLD
    ['embedfacebookalbum.com', 'combosquat', 'facebook'], // a long brand buried in a label
    ['myverizonwieless.com', 'combosquat', 'verizon'], // 7 letters are enough to be buried
    ['credito-itau.com', 'combosquat', 'itau'], // a 4-letter brand as a whole piece
    ['contact-ebay.com', 'combosquat', 'ebay'],
    ['netflixaccount.hopto.org', 'combosquat', 'netflix'], // judged by its name on free hosting
    ['paypal-login.github.io', 'combosquat', 'paypal'],
    ['venmp.xyz', 'typo', 'venmo'], // a keyboard slip in 5 letters counts on an abused TLD
    ['yaho.top', 'typo', 'yahoo'],
    ['ldeger.top', 'typo', 'ledger'], // an ordinary-word brand, typo-matched only there
    ['ccb.support-portal.online', 'embedded-brand', 'ccb'], // short name, tier-2 lure, abused TLD
    ['capitalone.entuil.xyz', 'embedded-brand', 'capitalone'], // a brand alone above an abused TLD
    ['lіnkedin.com', 'homoglyph', 'linkedin'], // Cyrillic і
    ['раураӏ.com', 'homoglyph', 'paypal'], // Cyrillic palochka from the generated table
  ])('catches %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'metacask.com', // near-misses from MetaMask's own allowlist: a changed letter off the keyboard
    'metatask.io',
    'openset.com',
    'opensee.io',
    'yahoo.co.jp', // a brand's exact name on a country TLD it may well own
    'hotmail.de',
    'google.de',
    'binance.co',
    'crypto.org', // an ordinary word as the brand
    'ledger.net',
    'phantom.app',
    'canadapost.ca',
    'alipayhk.com',
    'venmp.com', // the same slips on an ordinary TLD stay quiet
    'ldeger.com',
    'ccb.helpdesk.com', // a short name beside one lure word on an ordinary TLD
    'netflix.github.io', // a brand's own name as a tenant of shared hosting
    'adobe.okta.com', // and as a SaaS tenant: no lure, no warning
  ])('lets the near-miss %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    'apple.com',
    'www.apple.com',
    'applebees.com', // brand plus an honest word
    'pineapple.com',
    'the-big-apple.com',
    'apple.stackexchange.com', // brand as a subdomain without any lure
    'icbc.com.cn',
    'mybank.icbc.com.cn',
    'bankofchina.com',
    'jd.com',
    'jdsports.com',
    'qqq.com', // two-letter brands get no typo matching: qqq.com is someone else's name
    'paypal.com',
    'paypal.com.au', // the brand's own label on another suffix
    'paypal.de',
    'chase.com',
    'purchase.com',
    'ebayer.com',
    'bing.com',
    'binge.com', // "bing" has 4 letters: below the typo threshold
    'government.nl',
    'tax.gov.cn',
    'www.chinatax.gov.cn',
    'beijing.gov.cn',
    'small.com', // first-letter change of "tmall"
    'tmail.com', // i/l swap on a 5-letter name
    'vmail.me',
    'citiz.net', // changed letter in a 5-letter name
    'celtic.com',
    'catgroup.uk',
    'sanfinder.com',
    'boom.com',
    'gomail.in',
    'visa-service.com', // an ordinary word needs a tier-1 lure
    'live-support.com',
    'qq-service.com', // a short token needs a tier-1 lure
    'samsung-gmail.com',
    'jp-ml.com',
    'whois.domaintools.com/paypal.com',
    'https://www.google.com/search?q=paypal.com-login',
    'microsoft.github.io',
    'apples.com',
    'courts.com',
    'alipayhk.com', // a brand's own regional site, listed as a sibling
    'hsbchk.com',
    '12305.cn', // numbers are not typo-matched
    'müller.de',
    '中国.cn',
    'ｊｄ.com', // fullwidth: the URL parser maps it to jd.com itself
    'localhost',
    'http://192.168.1.1/login',
    'http://[::1]/',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['support-login-paypel.com', 'paypal'], // a vowel changed, beside login
    ['paypai-verify.com', 'paypal'], // i for l, no keyboard slip
    ['payqal-secure.net', 'paypal'],
    ['paiypal-clients.webmails.tk', 'paypal'], // above the site, beside "clients"
    ['netfiix-account.com', 'netflix'],
    ['payipal-infomation.com', 'paypal'], // beside a misspelt "information"
    ['paypai-confirmation.net', 'paypal'],
    ['paypa1-manage.org', 'paypal'],
  ])('catches %s, a misspelling that is no keyboard slip, beside a lure word', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'paypel.com', // the same misspellings with no lure beside them
    'payqal-store.com',
    'metacask.io',
    'openset-blog.org',
    'paypel.example.com',
  ])('lets %s pass: a misspelling that is no slip needs a lure', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['netflix.date', 'netflix'],
    ['paypal.loan', 'paypal'],
    ['binance.racing', 'binance'],
  ])('catches the brand name alone on the abused TLD of %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    ['pay-pal-security-services.com', 'paypal'], // a hyphen inside the name, beside more words
    ['gos-uslugi-qr.ru', 'gosuslugi'],
    ['payp.al-zone.com', 'paypal'], // a dot inside it
    ['santan.der.brasil.br.clientis.xyz', 'santander'],
    ['payment-i.cloud', 'apple'], // the dot before the TLD
  ])('catches %s, a name cut in two by a hyphen or a dot', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'pay-palace.com', // the letters run on past the name
    'hot-mail-tools.com', // mail services are named after the providers
    'youtu.be', // a label of one piece and the TLD: how brands cut their own short domains
  ])('lets %s pass though two of its pieces spell a name', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['gosuslugei.ru', 'gosuslugi'], // a letter added to nine
    ['gosusrugi.ru', 'gosuslugi'], // l for r, no keyboard slip
    ['bitfainex.com', 'bitfinex'], // nine letters typed for eight
    ['gosuslugy-ru.ru', 'gosuslugi'], // a piece as long
  ])('catches %s, a misspelling of nine letters with no lure beside it', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    ['adobe1updates.com', 'adobe'], // a digit between the brand and a lure
    ['adobeupdate1nshowerstall.com', 'adobe'],
  ])('catches %s, read as words parted by digits', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each(['web2apple.com', 'mp3juice.com'])(
    'lets %s pass: its words parted by digits imitate nothing',
    (url) => {
      expect(detector.check(url)).toBeNull();
    },
  );

  it.each([
    ['steamsupports.com', 'steam'], // an ordinary-word name run into a long lure
    ['appleaccount-fraud.com', 'apple'],
  ])('catches %s, an ordinary-word name glued to a long lure', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each(['applecare.net', 'chaseonline.net', 'metadownload.org'])(
    'lets %s pass: the lure is short, or the name is',
    (url) => {
      expect(detector.check(url)).toBeNull();
    },
  );

  it.each([
    ['sberbank.agency', 'sberbank'],
    ['gosuslugi.directory', 'gosuslugi'],
    ['www.sberbank.vote', 'sberbank'],
    ['netflix.promo', 'netflix'], // shops, like banks, keep to the old TLDs and their own
    ['aliexpress.family', 'aliexpress'],
    ['paypal.rent', 'paypal'], // payment services, like shops, take money under the old TLDs
  ])(
    'catches %s, a bank, a state service, a shop or a payment service on a new gTLD',
    (url, brand) => {
      expect(detector.check(url)?.brand.id).toBe(brand);
    },
  );

  it.each([
    ['gosuslugi.uk', 'gosuslugi'],
    ['gosuslugi.co.uk', 'gosuslugi'],
    ['gosuslugi.asia', 'gosuslugi'], // a TLD from before the 2012 round
  ])('catches %s, a state service under another country or an old TLD', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'sberbank.kz', // a country TLD the bank may well own
    'sberbank.com',
    'opensea.institute', // a crypto project's name on a new gTLD
    'wechat.design', // a payment app's design system
    'netflix.design', // a shop's: design systems and developer docs are not for customers
    'aliexpress.dev',
    'gosuslugi.ru', // the portal itself
  ])('lets %s pass: not where such a name is out of place', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['chase-login6.xyz', 'chase'],
    ['chase-login11.xyz', 'chase'],
  ])('catches %s, a lure numbered beside the brand', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    ['chase-support.com', 'chase'], // a bank's ordinary-word name beside a service word
    ['secure4chase.com', 'chase'],
  ])('catches %s: a bank takes any lure, however ordinary its name', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each(['apple-support.com', 'steam-support.com'])(
    'lets %s pass: a shop or a game has repairers and helpers of its own',
    (url) => {
      expect(detector.check(url)).toBeNull();
    },
  );

  it.each(['chase-team2.com', 'steam-blog2.com'])(
    'lets %s pass: the numbered word is no lure',
    (url) => {
      expect(detector.check(url)).toBeNull();
    },
  );

  it.each([
    'opensearch.org', // the search project, not OpenSea
    'docs.opensearch.org',
    'revolutionbank.com', // "revolution", not Revolut
    'counterrevolution.net',
    'interactivebrokers.com', // "interactive", not Interac
    'interactive-maps.com',
  ])('lets the ordinary word in %s pass, though it holds a brand name', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['revolut-revolution.com', 'revolut'], // the name itself beside the word
    ['opensea-login.opensearch.io', 'opensea'],
    ['revolution-paypal.top', 'paypal'], // another brand left once the word is gone
  ])('still catches %s as %s where the brand stands outside the word', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
    expect(detector.check(url)?.matched).not.toMatch(/^x/);
  });

  it('lets every protected domain and sibling pass, with or without www', () => {
    const domains = protectedNames.names.flatMap((n) => [n.domain, ...n.siblings]);
    const alarms = domains.flatMap((d) => [d, `www.${d}`, `https://login.${d}/`]);
    expect(alarms.filter((d) => detector.check(d))).toEqual([]);
  });

  it('prefers the allowlist over any rule', () => {
    const withAllowlist = createLookalikeDetector({
      protectedNames,
      allowlist: createAllowlist(['paypal-verify.net']),
    });
    expect(withAllowlist.check('https://www.paypal-verify.net/')).toBeNull();
    expect(withAllowlist.check('paypal-verify.com')).not.toBeNull();
  });

  it('lets an allowlisted domain pass even where the new rules would fire', () => {
    const withAllowlist = createLookalikeDetector({
      protectedNames,
      allowlist: createAllowlist(['netflix.top', 'wellsfargo24app.com']),
    });
    expect(detector.check('netflix.top')).not.toBeNull();
    expect(withAllowlist.check('https://netflix.top/')).toBeNull();
    expect(withAllowlist.check('wellsfargo24app.com')).toBeNull();
  });

  it('accepts the bare list of names as well as the versioned file', () => {
    const fromList = createLookalikeDetector({ protectedNames: protectedNames.names });
    expect(fromList.check('icbc-kefu.top')?.brand.id).toBe('icbc');
  });

  it('names the brand, the matched domain and the reason in both languages', () => {
    expect(detector.check('https://icbc-kefu.top/x')).toEqual({
      level: 'suspicious',
      technique: 'combosquat',
      brand: { id: 'icbc', name: { en: 'ICBC', zh: '工商银行' }, domain: 'icbc.com.cn' },
      matched: 'icbc-kefu.top',
      reason: {
        en: 'This site adds words to the name of ICBC (icbc.com.cn), but it is not run by them.',
        zh: '这个网址在工商银行（icbc.com.cn）的名字上加了别的词，但它不是工商银行的网站。',
      },
    });
  });

  it('reports homoglyph domains in their punycode form, as the address bar can show them', () => {
    expect(detector.check('аррle.com')?.matched).toBe(new URL('http://аррle.com').hostname);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.domain(), fc.string({ unit: 'binary' })),
        (s) => {
          const v = detector.check(s);
          expect(v === null || v.level === 'suspicious').toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never flags a subdomain of a protected domain', () => {
    const domains = protectedNames.names.map((n) => n.domain);
    fc.assert(
      fc.property(fc.constantFrom(...domains), fc.domain(), (domain, sub) => {
        const label = sub.split('.')[0]!;
        expect(detector.check(`https://${label}.${domain}/`)).toBeNull();
      }),
    );
  });
});
