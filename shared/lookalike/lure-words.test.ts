import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { lookalikeKey } from './confusable-skeleton';
import { createLookalikeDetector } from './create-lookalike-detector';
import { lureSequenceTier, lureTier, misspeltLureTier } from './lure-words';
import { parseProtectedNames } from './protected-names';

describe('lure words', () => {
  it.each([
    ['kefu', 1],
    ['login', 1],
    ['1ogin', 1], // compared by look-alike key
    ['entrar', 1], // "sign in" in Spanish and Portuguese
    ['support', 2],
    ['cn', 2],
    ['sports', undefined],
  ])('puts %s in tier %s', (word, tier) => {
    expect(lureTier(lookalikeKey(word))).toBe(tier);
  });

  it.each([
    ['securelogin', 1], // the strongest word decides
    ['secureonline', 2],
    ['kefuzhongxin', 1],
    ['asia', undefined],
    ['loginx', undefined],
    ['', undefined],
  ])('spells %s out of lure words at tier %s', (word, tier) => {
    expect(lureSequenceTier(lookalikeKey(word))).toBe(tier);
  });
});

describe('"email" beside a name', () => {
  const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

  it.each([
    ['instagramemail.com', 'instagram'], // "verify your email", glued to the name
    ['verizonemails.com', 'verizon'],
  ])('catches %s as %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'icloudmail.kr', // "mail" is how a brand names its own mail service
    'verizonmail.com',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('"www" inside the name', () => {
  const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

  it.each([
    ['www-paypial.com', 'paypal'], // the address line's dot made a hyphen, the name misspelt
    ['wvw-payipal.com', 'paypal'], // and its letters slipped
  ])('catches %s as %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it('lets www.applesticktv.com pass: "www" as a label of its own is only the address', () => {
    expect(detector.check('www.applesticktv.com')).toBeNull();
  });
});

describe("a support line's words beside a name", () => {
  const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

  it.each([
    ['adobetechsupport.com', 'adobe'], // tech-support scams sell a number to call
    ['gmailhelplinenumber.co.uk', 'google'],
  ])('catches %s as %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'apple-contact.com', // tier 2: an ordinary-word name still needs tier 1 off a cheap TLD
    'visa-number.com', // and a short one
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('lure and trade words misspelt beside a name', () => {
  const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

  it.each([
    ['anz-bankng.com', 'anz'], // a bank's trade word with a letter dropped
    ['qq-passwrd.com', 'qq'], // a tier-1 lure misspelt beside a short name
    ['apple-verifcation.com', 'apple'], // and beside an ordinary-word one
    ['apple-suport.top', 'apple'], // a tier-2 one on an abused TLD
  ])('catches %s as %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'qq-sevice.com', // a misspelt tier-2 lure is still tier 2
    'apple-suport.com',
    'anz-bankers.com', // another word, not a slip
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it.each([
    ['acount', 2],
    ['passwrd', 1],
    ['login', 1], // spelled right
    ['secur', undefined], // too short to read as a slip
  ] as const)('reads %s as tier %s', (key, tier) => {
    expect(misspeltLureTier(lookalikeKey(key))).toBe(tier);
  });
});
