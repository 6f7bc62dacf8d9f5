import { describe, expect, it } from 'vitest';
import { urlExpressions } from './url-expressions';

describe('urlExpressions', () => {
  // The examples of https://developers.google.com/safe-browsing/v4/urls-hashing#suffixprefix-expressions
  it.each([
    [
      'http://a.b.c/1/2.html?param=1',
      [
        'a.b.c/1/2.html?param=1',
        'a.b.c/1/2.html',
        'a.b.c/',
        'a.b.c/1/',
        'b.c/1/2.html?param=1',
        'b.c/1/2.html',
        'b.c/',
        'b.c/1/',
      ],
    ],
    [
      'http://a.b.c.d.e.f.g/1.html',
      [
        'a.b.c.d.e.f.g/1.html',
        'a.b.c.d.e.f.g/',
        'c.d.e.f.g/1.html',
        'c.d.e.f.g/',
        'd.e.f.g/1.html',
        'd.e.f.g/',
        'e.f.g/1.html',
        'e.f.g/',
        'f.g/1.html',
        'f.g/',
      ],
    ],
    ['http://1.2.3.4/1/', ['1.2.3.4/1/', '1.2.3.4/']],
  ])('follows the spec for %s', (raw, expected) => {
    expect(urlExpressions(raw)).toEqual(expected);
  });

  it.each([
    [
      'http://a.b.c/1/2/3/4/5/',
      [
        ...['a.b.c/1/2/3/4/5/', 'a.b.c/', 'a.b.c/1/', 'a.b.c/1/2/', 'a.b.c/1/2/3/'],
        ...['b.c/1/2/3/4/5/', 'b.c/', 'b.c/1/', 'b.c/1/2/', 'b.c/1/2/3/'],
      ],
    ],
    [
      'http://a.b.c.d.e/1.html',
      [
        ...['a.b.c.d.e/1.html', 'a.b.c.d.e/', 'b.c.d.e/1.html', 'b.c.d.e/'],
        ...['c.d.e/1.html', 'c.d.e/', 'd.e/1.html', 'd.e/'],
      ],
    ],
    ['http://a.b/?', ['a.b/']],
    ['http://a.b/', ['a.b/']],
    ['http://b/', ['b/']],
    [
      'http://[2001:470:1:18::114]/a/b',
      ['[2001:470:1:18::114]/a/b', '[2001:470:1:18::114]/', '[2001:470:1:18::114]/a/'],
    ],
    ['http://0x01020304/a/b', ['1.2.3.4/a/b', '1.2.3.4/', '1.2.3.4/a/']],
    [
      'https://WWW.Example.com:443/a/./b/../c?x=1#frag',
      [
        'www.example.com/a/c?x=1',
        'www.example.com/a/c',
        'www.example.com/',
        'www.example.com/a/',
        'example.com/a/c?x=1',
        'example.com/a/c',
        'example.com/',
        'example.com/a/',
      ],
    ],
  ])('expands %s', (raw, expected) => {
    expect(urlExpressions(raw)).toEqual(expected);
  });

  it('tries at most 5 hosts × 6 paths, all distinct', () => {
    const expressions = urlExpressions('http://a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?q=1');
    expect(expressions).toHaveLength(30);
    expect(new Set(expressions).size).toBe(30);
    expect(expressions.slice(0, 6)).toEqual([
      'a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?q=1',
      'a.b.c.d.e.f.g.h/1/2/3/4/5/6.html',
      'a.b.c.d.e.f.g.h/',
      'a.b.c.d.e.f.g.h/1/',
      'a.b.c.d.e.f.g.h/1/2/',
      'a.b.c.d.e.f.g.h/1/2/3/',
    ]);
    expect(expressions.at(-1)).toBe('g.h/1/2/3/');
  });

  it('never offers the bare top-level domain', () => {
    expect(urlExpressions('http://evil.example.co.uk/')).toEqual([
      'evil.example.co.uk/',
      'example.co.uk/',
      'co.uk/',
    ]);
  });

  it('gives the same expressions for a URL and its canonical form', () => {
    const raw = 'HTTP://%77ww.Example.COM.:80//a/%2e%2e/b%3Fc?d#e';
    expect(urlExpressions(raw)).toEqual(urlExpressions('http://www.example.com/b?c?d'));
  });

  it.each(['javascript:void(0)', 'about:blank', 'chrome://newtab/', '', 'http://'])(
    'is empty for %j',
    (raw) => {
      expect(urlExpressions(raw)).toEqual([]);
    },
  );
});
