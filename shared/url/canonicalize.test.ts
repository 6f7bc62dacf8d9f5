import { describe, expect, it } from 'vitest';
import { canonicalHost, canonicalize } from './canonicalize';

describe('canonicalize', () => {
  // Every example of https://developers.google.com/safe-browsing/v4/urls-hashing#canonicalization
  it.each([
    ['http://host/%25%32%35', 'http://host/%25'],
    ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
    ['http://host/%2525252525252525', 'http://host/%25'],
    ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
    ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
    ['http://www.google.com/', 'http://www.google.com/'],
    [
      'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
      'http://168.188.99.26/.secure/www.ebay.com/',
    ],
    [
      'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
      'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    ],
    [
      'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
      'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
    ],
    ['http://3279880203/blah', 'http://195.127.0.11/blah'],
    ['http://www.google.com/blah/..', 'http://www.google.com/'],
    ['www.google.com/', 'http://www.google.com/'],
    ['www.google.com', 'http://www.google.com/'],
    ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
    ['http://www.GOOgle.com/', 'http://www.google.com/'],
    ['http://www.google.com.../', 'http://www.google.com/'],
    ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
    ['http://www.google.com/q?', 'http://www.google.com/q?'],
    ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
    ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
    ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
    ['http://evil.com/foo;', 'http://evil.com/foo;'],
    ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
    // The spec's "http://\x01\x80.com/" holds raw bytes; a JS string can only carry byte
    // 0x80 escaped (a raw U+0080 is UTF-8, see below).
    ['http://\x01%80.com/', 'http://%01%80.com/'],
    ['http://notrailingslash.com', 'http://notrailingslash.com/'],
    ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
    ['  http://www.google.com/  ', 'http://www.google.com/'],
    ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
    ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
    ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
    ['https://www.securesite.com/', 'https://www.securesite.com/'],
    ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
    ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
  ])('follows the spec: %j → %s', (raw, expected) => {
    expect(canonicalize(raw)).toBe(expected);
  });

  it.each([
    ['http://0x12.0x43.0x44.0x01/', 'http://18.67.68.1/'],
    ['http://10.0.0.1.', 'http://10.0.0.1/'],
    ['http://012.034.01.055/', 'http://10.28.1.45/'],
    ['http://12.0x12.01234/', 'http://12.18.2.156/'],
    ['http://167838211/', 'http://10.1.2.3/'],
    ['http://4294967295/', 'http://255.255.255.255/'],
    ['http://0X7F.1/', 'http://127.0.0.1/'],
    ['http://1.2.3.4.5/', 'http://1.2.3.4.5/'],
    ['http://4294967296/', 'http://4294967296/'],
    ['http://256.1.1.1/', 'http://256.1.1.1/'],
    ['http://1.2.3.08/', 'http://1.2.3.08/'],
  ])('spells IPv4 addresses as dotted quads: %s → %s', (raw, expected) => {
    expect(canonicalize(raw)).toBe(expected);
  });

  it.each([
    ['http://аррle.com/', 'http://xn--le-6kc8da.com/'],
    ['http://www.ümlat.com/', 'http://www.xn--mlat-zra.com/'],
    ['http://www.%C3%BCmlat.com/', 'http://www.xn--mlat-zra.com/'],
    ['http://例子。测试/', 'http://xn--fsqu00a.xn--0zwm56d/'],
    ['http://ＧＯＯＧＬＥ.com/', 'http://google.com/'],
    ['http://é/caf%C3%A9/é', 'http://xn--9ca/caf%C3%A9/%C3%A9'],
  ])('converts Unicode hosts to punycode as the browser does: %s → %s', (raw, expected) => {
    expect(canonicalize(raw)).toBe(expected);
  });

  it.each([
    ['http://[2001:0DB8:0000::1]:8080/a', 'http://[2001:db8::1]/a'],
    ['http://[::ffff:1.2.3.4]/', 'http://1.2.3.4/'],
    ['http://[64:ff9b::1.2.3.4]/', 'http://1.2.3.4/'],
  ])('compresses IPv6 and unwraps embedded IPv4: %s → %s', (raw, expected) => {
    expect(canonicalize(raw)).toBe(expected);
  });

  it.each([
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://user:pass@example.com:8443/x', 'https://example.com/x'],
    ['http://good.example%2F@evil.example/', 'http://evil.example/'],
    ['http://good.example%40evil.example/', 'http://good.example%40evil.example/'],
    ['http:\\\\evil.example\\@good.example/', 'http://evil.example/\\@good.example/'],
    ['http://example.com?q', 'http://example.com/?q'],
    ['http://example.com/a%3Fb/../c', 'http://example.com/a?b/../c'],
    ['http://example.com/%2e%2E/x/./y/.', 'http://example.com/x/y/'],
    ['example.com:8080/x', 'http://example.com/x'],
    ['localhost:3000', 'http://localhost/'],
    ['http://example.com/\u0000x', 'http://example.com/%00x'],
    ['http://example.com/\u0080', 'http://example.com/%C2%80'],
  ])('reads awkward but navigable URLs like a browser: %j → %s', (raw, expected) => {
    expect(canonicalize(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>hi</b>',
    'chrome://settings/',
    'about:blank',
    'file:///etc/passwd',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234-5678/options.html',
    'mailto:someone@example.com',
    'ftp://ftp.example.com/',
    'blob:https://example.com/1234',
    'view-source:https://example.com/',
    '',
    '   ',
    '/relative/path',
    '#ref',
    '?query',
    'http://',
    'http:///',
    'http://.../',
    'http://user@/',
    'http://[::1/',
    'http://[not-ipv6]/',
  ])('rejects %j as not a web URL', (raw) => {
    expect(canonicalize(raw)).toBe('');
    expect(canonicalHost(raw)).toBe('');
  });
});

describe('canonicalHost', () => {
  it.each([
    ['http://www.GOOgle.com.../x?y#z', 'www.google.com'],
    ['http://google...com/foo.html', 'google.com'],
    ['http://..google.com/foo.html', 'google.com'],
    ['http://google.com.:8080/foo.html', 'google.com'],
    ['http://192.168.0.1:80/index.html', '192.168.0.1'],
    ['https://аррle.com/login', 'xn--le-6kc8da.com'],
  ])('of %s is %s', (raw, host) => {
    expect(canonicalHost(raw)).toBe(host);
  });
});
