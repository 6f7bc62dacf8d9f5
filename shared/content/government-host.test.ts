import { describe, expect, it } from 'vitest';
import { isGovernmentHost } from './government-host';

describe('isGovernmentHost', () => {
  it.each([
    'www.gov.cn',
    'jubao.example-wangan.gov.cn',
    'www.irs.gov',
    'www.army.mil',
    'www.gov.uk',
    'www.service-public.gouv.fr',
    'www.sat.gob.mx',
    'www.mhlw.go.jp',
    'www.ird.govt.nz',
    'www.canada.gc.ca',
  ])('knows %s for a government host', (host) => {
    expect(isGovernmentHost(host)).toBe(true);
  });

  it.each([
    'gov.cn.example.top', // the suffix spelt out in front of a scam's own
    'gov-cn-anquan.com',
    'example-gov.com',
    'mygov.com',
    'government.nl',
    'governo.it',
  ])('knows %s for anybody’s', (host) => {
    expect(isGovernmentHost(host)).toBe(false);
  });
});
