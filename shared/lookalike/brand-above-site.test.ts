import { describe, expect, it } from 'vitest';
import namesJson from '../../data/protected-names.json';
import { createLookalikeDetector } from './create-lookalike-detector';
import { parseProtectedNames } from './protected-names';

const detector = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

function verdictOf(url: string) {
  const v = detector.check(url);
  return v && [v.technique, v.brand.id];
}

describe('a brand name above an unrelated site', () => {
  it.each([
    ['dropbox.garden-builders.com', 'dropbox'], // the brand alone as the first label
    ['www.wellsfargo.quick-rentals.net', 'wellsfargo'], // after www
    ['capitalone.entuil.com', 'capitalone'],
    ['login.santander.example-shop.com.br', 'santander'], // deeper down
    ['attachment-dropbox.blue-ocean.org', 'dropbox'], // a hyphen piece of the label
    ['coinbase2.fast-host.net', 'coinbase'], // digits split off
    ['00docusign.com.klaro-farm.co.ke', 'docusign'],
    ['natwestonline.meadow.co.uk', 'natwest'], // a long brand glued to a word
    ['linkedln.cheap-tours.com', 'linkedin'], // l for i, 8 letters
    ['paypa1.rest-house.com', 'paypal'], // digit for letter, 6 letters
    ['commbnk.pe.hu', 'commbank'], // a dropped letter in a 7+ letter name
    ['dropbox.foo.herokuapp.com', 'dropbox'], // above a free host's customer name
    ['dhl.moor-garden.com', 'dhl'], // a short name as the first label
    ['www.att.quick-rentals.fr', 'att'],
    ['aol.sample-host.net', 'aol'],
  ])('catches %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['embedded-brand', brand]);
  });

  it.each([
    'adobe.okta.com', // tenant services name their customers' hosts after them
    'paypal.zendesk.com',
    'ebay.wd5.myworkdayjobs.com',
    'microsoft.github.io', // a free host's customer name is judged as a site name
    'docs.netflix.github.io',
    'apple.stackexchange.com', // an ordinary word, no lure
    'chase.example.com',
    'abc.example.com', // what offices call their own systems: "abc", "ems"
    'ems.example-university.edu',
    'meta.wikimedia.org', // an ordinary-word name as the first label
    '163.example.com', // a number
    'mail.example.com',
    'ebays.example.com', // a slip of a name below 7 letters
    'qq.account-center.example.com', // a short name with a tier-2 lure on an ordinary TLD
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});

describe('a short or ordinary-word name above a site, with a lure', () => {
  it.each([
    ['blockchain.secure77x.site', 'blockchaincom'], // a lure with digits glued on
    ['qq.account-center.example.top', 'qq'], // a short name, a tier-2 lure, an abused TLD
    ['yahoo.quick-rentals.com', 'yahoo'], // a mail brand's whole name as a label
    ['drop-box.quick-rentals.com', 'dropbox'], // hyphenated
  ])('catches %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['embedded-brand', brand]);
  });
});

describe('any brand name above a site named only with lure and hosting words', () => {
  it.each([
    ['dpd.verify-zone.net', 'dpd'],
    ['dhl.parcel-tracking.com', 'dhl'],
    ['apple.account-check.com', 'apple'],
  ])('catches %s as %s', (url, brand) => {
    expect(verdictOf(url)).toEqual(['embedded-brand', brand]);
  });

  it.each([
    'dhl.helpdesk.com', // a help-desk service's tenant, named after its customer
    'apple.check-garden.com',
  ])('lets %s pass', (url) => {
    expect(detector.check(url)).toBeNull();
  });
});
