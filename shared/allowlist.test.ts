import { describe, expect, it } from 'vitest';
import { createAllowlist, parseAllowlist } from './allowlist';

describe('allowlist', () => {
  const allow = createAllowlist(
    parseAllowlist('# banks\nicbc.com.cn\nGOV.cn # all of it\n\npaypal.com.\n'),
  );

  it.each([
    ['icbc.com.cn', 'icbc.com.cn'],
    ['mybank.icbc.com.cn', 'icbc.com.cn'],
    ['www.spp.gov.cn', 'gov.cn'],
    ['PayPal.com', 'paypal.com'],
    ['www.paypal.com.', 'paypal.com'],
  ])('covers %s through %s', (host, domain) => {
    expect(allow.covering(host)).toBe(domain);
  });

  it.each(['icbc-kefu.top', 'xicbc.com.cn', 'paypal.com.evil.xyz', 'gov.cn.evil.top', 'cn', ''])(
    'does not cover %s',
    (host) => {
      expect(allow.covering(host)).toBeNull();
    },
  );
});
