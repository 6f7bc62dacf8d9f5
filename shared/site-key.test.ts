import { describe, expect, it } from 'vitest';
import { siteKeyCovers, siteKeyOf } from './site-key';

describe('siteKeyOf', () => {
  it.each([
    ['https://login.evil.com/x', 'evil.com'],
    ['https://a.b.example.co.uk/', 'example.co.uk'],
    ['https://name.github.io/phish/', 'name.github.io'],
    ['https://x.y.pages.dev/', 'y.pages.dev'],
    ['https://shop.web.app/', 'shop.web.app'],
    ['https://www.name.blogspot.com/', 'name.blogspot.com'],
    ['https://login.q.000webhostapp.com/', 'q.000webhostapp.com'],
    ['https://sites.google.com/view/Fake-Bank/login', 'sites.google.com/view/fake-bank'],
    ['https://sites.google.com/site/old/page', 'sites.google.com/site/old'],
    ['https://docs.google.com/forms/d/abc123/viewform', 'docs.google.com/forms/d/abc123'],
    ['https://storage.googleapis.com/bucket/index.html', 'storage.googleapis.com/bucket'],
    ['https://sites.google.com/', 'google.com'],
    ['http://192.168.1.10/', '192.168.1.10'],
  ])('%s → %s', (url, key) => {
    expect(siteKeyOf(url)?.key).toBe(key);
  });

  it('has no site for pages that are not on the web', () => {
    expect(siteKeyOf('chrome://settings')).toBeNull();
    expect(siteKeyOf('not a url')).toBeNull();
  });
});

describe('siteKeyCovers', () => {
  it.each([
    ['evil.com', 'https://a.evil.com/x', true],
    ['evil.com', 'https://evil.com.example/', false],
    ['name.github.io', 'https://other.github.io/', false],
    ['sites.google.com/view/fake', 'https://sites.google.com/view/fake/login', true],
    ['sites.google.com/view/fake', 'https://sites.google.com/view/fake', true],
    ['sites.google.com/view/fake', 'https://sites.google.com/view/fakebank', false],
    ['sites.google.com/view/fake', 'https://sites.google.com/view/other', false],
    ['sites.google.com/view/fake', 'https://mail.google.com/', false],
  ])('%s covers %s: %s', (key, url, covers) => {
    expect(siteKeyCovers(key, url)).toBe(covers);
  });
});
