import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createLookalikeDetector } from './create-lookalike-detector';
import { parseProtectedNames } from './protected-names';
import { isTradeWord } from './trade-words';
import { lookalikeKey } from './confusable-skeleton';

const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

describe('words of the brand’s own trade', () => {
  it.each([
    ['dhl-tracking.com', 'dhl'], // a carrier's short name beside a carrier's word
    ['parcel-dpd.net', 'dpd'],
    ['att-prepaid.com', 'att'], // a telecom's beside a telecom's
    ['irs-tax-help.com', 'irs'], // a tax office's beside a tax office's
    ['gemini-coin.net', 'gemini'], // an ordinary-word crypto brand beside a crypto word
    ['dhl.courier-news.com', 'dhl'], // above a site, beside the same word
    ['telegram-download.com', 'telegram'], // an ordinary-word messenger beside its installer
    ['messenger-downloads.org', 'facebook'],
  ])('catches %s as %s', (url, brand) => {
    expect(detector.check(url)?.brand.id).toBe(brand);
  });

  it.each([
    'dhl-wireless.com', // another trade's word is no tier-1 lure
    'att-shipping.com',
    'gemini-tax.com',
    'irs-network.com',
    'apple-download.com', // an installer is no shop's trade
    'dhl-download.com',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });

  it('keeps each word to its kind', () => {
    expect(isTradeWord('mail', lookalikeKey('tracking'))).toBe(true);
    expect(isTradeWord('bank', lookalikeKey('tracking'))).toBe(false);
  });
});
