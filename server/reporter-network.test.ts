import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './app';
import { reporterNetwork } from './reporter-network';

describe('reporterNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['203.0.113.250', '203.0.113.0/24'],
    ['203.0.114.7', '203.0.114.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:1234:5678::1', '2001:db8:1234::/48'],
    ['2001:0db8:1234:ffff:1:2:3:4', '2001:db8:1234::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['not an address', ''],
    ['', ''],
  ])('%s is in %s', (ip, network) => {
    expect(reporterNetwork(ip)).toBe(network);
  });
});

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    expect(parseTrustProxy(value)).toBe(expected);
  });
});
