import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTarget } from './parse-target';

/** What the browser reads: the WHATWG URL parser, a bare host taken as http. */
function viaUrl(input: string) {
  let url: URL | null = null;
  try {
    url = new URL(input);
  } catch {
    // no scheme
  }
  if (!url?.hostname) {
    try {
      url = new URL(`http://${input}`);
    } catch {
      return null;
    }
  }
  const host = url.hostname.replace(/\.$/, '');
  if (!host || host.startsWith('[')) return null;
  return { host, userinfo: `${url.username}:${url.password}`, pathname: url.pathname };
}

describe('parseTarget', () => {
  it.each([
    'https://icbc-kefu.top/',
    'https://www.paypal.com.verify-x.top/signin?next=/home#top',
    'http://evil.top/www.paypal.com/signin',
    'https://evil.top/a@b/c',
    'icbc-kefu.top',
    'icbc-kefu.top/login',
    'icbc-kefu.top?x',
    'paypal.com.',
    'https://paypal.com./x',
    'https://paypal.com../x',
    'https://a..b.com/',
    'https://ab--cd.com/',
    'https://-a-.com/',
    'https://a_b.com/',
    'https://a.1a/',
    'https://12306.cn/',
    'https://1.2.3.4/',
    'https://a.b.c.123/',
    'http://0x7f.1/',
    'https://a.0x1/',
    'http://[::1]/',
    'http://xn--/',
    'http://xn--a.com/',
    'https://xn--80ak6aa92e.com/',
    'https://аpple.com/',
    'https://ａｐｐｌｅ.com/',
    'HTTPS://PAYPAL-LOGIN.COM/',
    'https://PayPal.com/',
    'https://paypal.com@evil.top/',
    'https://user:pass@evil.top/x',
    'https://evil.top:8443/a',
    'paypal-login.com:80',
    'https://e.top\\a\\paypal.com\\b',
    'https://pay\tpal-login.com/',
    '  https://paypal-login.com/  ',
    'https://paypal-login.com/a/./b/../c',
    'https://paypal-login.com/%2e%2e/x',
    'https://paypal-login.com/a b',
    'https://paypal-login.com/{x}',
    'https://exa%41mple.com/',
    '//paypal-login.com/',
    'about:blank',
    'file:///etc/passwd',
    'data:text/html,x',
    'mailto:a@paypal-login.com',
    'https://',
    '',
  ])('reads %j as the URL parser does', (input) => {
    expect(parseTarget(input)).toEqual(viaUrl(input));
  });

  it('reads any address built of URL characters as the URL parser does', () => {
    const host = fc.string({ unit: fc.constantFrom(...'abcxn0129-._.'), maxLength: 20 });
    const rest = fc.string({ unit: fc.constantFrom(...'/?#.@:%2eA\\ _-ab'), maxLength: 12 });
    const scheme = fc.constantFrom('https://', 'http://', '', 'HTTP://', 'ftp://');
    fc.assert(
      fc.property(scheme, host, rest, (s, h, r) => {
        expect(parseTarget(s + h + r)).toEqual(viaUrl(s + h + r));
      }),
      { numRuns: 5000 },
    );
  });
});
