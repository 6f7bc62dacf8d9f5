import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertHost, parseAlert } from './family-alerts';

const valid = { v: 1, id: 'A'.repeat(22), kind: 'warning', at: 1, host: 'a.example' };

describe('parseAlert', () => {
  it('keeps a well-formed alert, and only its known fields', () => {
    expect(parseAlert({ ...valid, category: 'phishing', path: '/secret' })).toEqual({
      ...valid,
      category: 'phishing',
    });
  });

  it.each([
    ['another version', { ...valid, v: 2 }],
    ['an unknown kind', { ...valid, kind: 'history' }],
    ['a host with a path', { ...valid, host: 'a.example/login' }],
    ['markup for a host', { ...valid, host: '<img src=x>' }],
    ['an unknown category', { ...valid, category: 'anything' }],
    ['a short id', { ...valid, id: 'abc' }],
    ['no time', { ...valid, at: Number.NaN }],
  ])('drops an alert with %s', (_kind, value) => {
    expect(parseAlert(value)).toBeNull();
  });

  it('never throws, whatever came out of a box', () => {
    fc.assert(fc.property(fc.anything(), (value) => void parseAlert(value)));
  });
});

describe('alertHost', () => {
  it('keeps the host of a web page and nothing else', () => {
    expect(alertHost('https://User:pw@Fake-Bank.Example.:8443/login?card=1#x')).toBe(
      'fake-bank.example',
    );
    expect(alertHost('file:///home/me/notes.txt')).toBeUndefined();
    expect(alertHost('not a url')).toBeUndefined();
  });
});
