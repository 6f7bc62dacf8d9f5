import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createLookalikeDetector } from './create-lookalike-detector';
import { labelPieces } from './label-lookalike';
import { parseProtectedNames } from './protected-names';

const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

function verdictOf(url: string) {
  const v = detector.check(url);
  return v && [v.technique, v.brand.id];
}

describe('the registrable label, weighed with its TLD', () => {
  it.each([
    // A short or ordinary-word name with a tier-2 lure: enough on an abused TLD.
    ['steam-alerts.top', 'combosquat', 'steam'],
    ['qq-service.top', 'combosquat', 'qq'],
    ['apple-support.online', 'combosquat', 'apple'],
    // Plural lure words count like the word.
    ['paypal-supports.com', 'combosquat', 'paypal'],
    // A hyphen inside a distinctive name.
    ['v-enmo.net', 'typo', 'venmo'],
    ['pay-pal.org', 'typo', 'paypal'],
    ['coin-base.com', 'typo', 'coinbase'],
    // Free hosting weighs like an abused TLD: the brand's name alone is enough there.
    ['netflix.yolasite.com', 'typo', 'netflix'],
    ['coinbase-wallet.herokuapp.com', 'combosquat', 'coinbase'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'steam-alerts.com', // the same words on an ordinary TLD (a bank's name takes any lure)
    'qq-service.com',
    'apple-support.com',
    'v-mail.net', // a hyphen is compared unfolded: "vmail" is not Vmall
    'g-mail.net', // mail services and tools named after a provider
    'hotmailpro.com',
    'freehotmail.org',
    'verizonmail.net',
    'mailfortiktok.net',
    'gmail-tools.top',
    'netflix.github.io', // developer pages are where companies publish their own
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it('still catches a mail name with a lure or a number', () => {
    expect(verdictOf('hotmail-verify.com')).toEqual(['combosquat', 'microsoft']);
    expect(verdictOf('gmail24.com')).toEqual(['combosquat', 'google']);
    expect(verdictOf('hotmail.top')).toEqual(['typo', 'microsoft']);
  });
});

describe('names glued to lures, numbers and look-alike letters', () => {
  it.each([
    ['cibanquan.top', 'combosquat', 'cib'], // a short name glued to a tier-2 lure, abused TLD
    ['stripehelp.vip', 'combosquat', 'stripe'], // an ordinary word of 6+ letters, a 4+ letter lure
    ['12306v2.com', 'government-impersonation', '12306'], // a numbered brand plus a version
    ['955162x.net', 'combosquat', 'unionpay'],
    ['mе.com', 'homoglyph', 'apple'], // Cyrillic е: me.com, a token too short to match alone
    ['vір.net', 'homoglyph', 'vipshop'], // Cyrillic і, р: vip.com
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'cibanquan.com', // the same on an ordinary TLD
    'mycrypto.live', // an ordinary word glued to a short word: a compound name
    'outlookapp.top',
    '1230668.com', // a number after a numbered brand is just another number
    'me.net', // the plain short label elsewhere is no homoglyph
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe("a glued brand and lure piece, with the label's other pieces", () => {
  it.each([
    // An ordinary-word name glued to a tier-2 lure, with a tier-1 lure in another piece.
    ['login-appleservice.com', 'combosquat', 'apple'],
    ['verify-steamsupport.net', 'combosquat', 'steam'],
    // Or to seven letters of lures that are no shop's words, whatever the other pieces.
    ['secure-steamsupport.net', 'combosquat', 'steam'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'appleservice-center.com', // tier 2 throughout: a repair shop as often as a phish
    'applejuice-login.com', // the glued piece is no combo of brand and lure words
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('a typo of a long distinctive name as one piece of the label', () => {
  it.each([
    ['santandr-portugal.com', 'typo', 'santander'],
    ['barclys-group.com', 'typo', 'barclays'],
    ['instagarm-photos.net', 'typo', 'instagram'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'ledgr-books.com', // an ordinary-word name
    'exodos-travel.com',
    'amazn-prime.com', // shorter than 7 letters: still needs a lure
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('labelPieces', () => {
  it.each([
    ['paypal', ['paypal']],
    ['icbc-kefu', ['icbc', 'kefu']],
    ['a_b-c', ['a', 'b', 'c']],
    ['-paypal--login_', ['paypal', 'login']],
    ['--', []],
    ['', ['']], // an empty label stays one (empty) piece, as the caller expects
  ])('splits %j into %j', (label, pieces) => {
    expect(labelPieces(label)).toEqual(pieces);
  });
});
