import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createLookalikeDetector } from './create-lookalike-detector';
import { ORDINARY_WORD_TYPOS } from './ordinary-word-typos';
import { parseProtectedNames } from './protected-names';

const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

function verdictOf(url: string) {
  const v = detector.check(url);
  return v && [v.technique, v.brand.id];
}

describe('typos of ordinary-word names off an abused TLD', () => {
  it.each([
    // No English word, the name's last letter in place: a typo as of any other name.
    ['blockchian.com', 'typo', 'blockchaincom'],
    ['phamtom.com', 'typo', 'phantom'],
    ['outlokk.com', 'typo', 'microsoft'],
    ['allegrro.pl', 'typo', 'allegro'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'custom.com', // an English word one slip from the name
    'custos.org',
    'phantoms.com', // the last letter changed: where words inflect
    'outlooks.net',
    'telegra.ph', // a word cut short before its TLD: Telegram's own publishing site
    'ldeger.com', // six letters: still only on an abused TLD
    'kraaken.com',
    'stirpe.com',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it('lists every ordinary-word name the typo rules know, with its words', () => {
    expect(ORDINARY_WORD_TYPOS.get('customs')).toContain('custom');
    expect(ORDINARY_WORD_TYPOS.get('blockchain')?.size).toBe(0);
    expect(ORDINARY_WORD_TYPOS.has('ledger')).toBe(false);
  });
});

describe('letters of one sound', () => {
  it.each([
    ['kukoin.com', 'typo', 'kucoin'], // c, k and q for one another
    ['kuqoin.net', 'typo', 'kucoin'],
    ['wekhat.com', 'typo', 'wechat'],
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'kucain.com', // a vowel for another is no slip
    'metacask.com', // nor any other letter
    'kraqen.com', // an ordinary-word name of six letters, off an abused TLD
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('edits by the length of the name', () => {
  it.each([
    ['steamcomnunjilty.com', 'typo', 'steam'], // three edits in fourteen letters
    ['steamconmunuitu.com', 'typo', 'steam'],
    ['bankofamrca.com', 'typo', 'bankofamerica'], // two in thirteen
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'bankofamzzzca.com', // three in thirteen
    'steamcomzzzzity.com', // four in fourteen
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('letters seen alike', () => {
  it.each([
    ['facedook.cf', 'typo', 'facebook'], // b and d, mirror images
    ['gooqle.com', 'typo', 'google'], // q for g
    ['paypai.com', 'typo', 'paypal'], // l for i: folded by the skeleton already
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'bacebook.com', // the first letter still has to match
    'famebook.com', // a letter neither a neighbour's key, nor of one sound, nor alike
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('names of mail services', () => {
  it.each([
    ['gmial.com', 'typo', 'google'], // a slip in "mail" itself
    ['hotmial.com', 'typo', 'microsoft'],
    ['gmaill.click', 'typo', 'google'],
    ['roalmail.top', 'typo', 'royalmail'], // more letters before "mail": still readable
  ])('judges %s as %s of %s', (url, technique, brand) => {
    expect(verdictOf(url)).toEqual([technique, brand]);
  });

  it.each([
    'hitmail.com', // "mail" whole, the few letters before it changed: a name of its own
    'gbmail.top',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});
