import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createLookalikeDetector } from './create-lookalike-detector';
import { parseProtectedNames } from './protected-names';

const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

function verdictOf(url: string) {
  const v = detector.check(url);
  return v && [v.technique, v.brand.id];
}

describe('a distinctive name of six letters inside a label', () => {
  it.each([
    ['getpaypalcash.com', 'combosquat', 'paypal'],
    ['freegooglecredits.com', 'combosquat', 'google'],
    ['mytiktokfans.net', 'combosquat', 'tiktok'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'theledgerbook.com', // an ordinary-word name
    'thestripeshop.com',
    'myfedexship.com', // five letters sit inside too many words to count there
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('a mail-kind name as one piece of the label', () => {
  it.each([
    ['adobe-flash-player.com', 'combosquat', 'adobe'], // a document service, filed under mail
    ['fedex-tracker-pro.com', 'combosquat', 'fedex'], // a carrier, filed under mail
    ['usps-redelivery-x.com', 'combosquat', 'usps'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'yahoo-mail-tools.com', // beside a piece naming mail: a mail tool borrowing the name
    'samsung-gmail.com',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('a distinctive name of five letters inside a label on an abused TLD', () => {
  it.each([
    ['getvenmocash.xyz', 'combosquat', 'venmo'],
    ['trackfedexparcel.top', 'combosquat', 'fedex'],
    ['baiduyunpan.shop', 'combosquat', 'baidu'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'getvenmocash.com', // an ordinary TLD
    'yahoox.top', // one or two letters beside the name: the typo rules' business
    'yahooxx.top',
    'theledgerbook.top', // an ordinary-word name
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});
