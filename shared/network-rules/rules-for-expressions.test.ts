import { describe, expect, it } from 'vitest';
import { DOMAINS_PER_RULE } from './network-rule';
import { pathFilter, rulesForExpressions } from './rules-for-expressions';

describe('pathFilter', () => {
  it.each([
    ['evil.com/login/', '||evil.com/login/'],
    ['evil.com/pay.html', '||evil.com/pay.html^'],
    ['evil.com/pay.html?id=1', '||evil.com/pay.html?id=1|'],
    ['sites.google.com/view/scam', '||sites.google.com/view/scam^'],
    ['evil.com/a*b/', null],
    ['evil.com/a^b', null],
    ['evil.com/a|b', null],
    ['evil.com/caf\u00e9/', null],
    ['EVIL.com/x/', null],
  ])('%s → %s', (expression, filter) => {
    expect(pathFilter(expression)).toBe(filter);
  });
});

describe('rulesForExpressions', () => {
  it('groups hosts into requestDomains rules and gives each path its own rule', () => {
    const out = rulesForExpressions(['a.top/', 'b.top/', 'c.top/x/', 'bad host/'], 'block', 3);
    expect(out.hostCount).toBe(2);
    expect(out.pathCount).toBe(1);
    expect(out.unexpressed).toEqual(['bad host/']);
    expect(out.rules.map((r) => r.condition.urlFilter ?? r.condition.requestDomains)).toEqual([
      '||c.top/x/',
      ['a.top', 'b.top'],
    ]);
    expect(out.rules.every((r) => r.priority === 3 && r.action.type === 'block')).toBe(true);
    expect(out.rules[0]!.condition.resourceTypes).toContain('main_frame');
    expect(out.rules[0]!.condition.resourceTypes).toContain('sub_frame');
  });

  it('accepts the underscores scam hosts use, and IPv4 addresses', () => {
    const out = rulesForExpressions(['login_page.evil.net/', '1.2.3.4/'], 'block', 1);
    expect(out.unexpressed).toEqual([]);
  });

  it('splits hosts into rules of at most DOMAINS_PER_RULE', () => {
    const hosts = Array.from({ length: DOMAINS_PER_RULE + 5 }, (_, i) => `h${i}.top/`);
    const out = rulesForExpressions(hosts, 'block', 1);
    expect(out.rules.map((r) => r.condition.requestDomains!.length)).toEqual([DOMAINS_PER_RULE, 5]);
  });

  it('leaves what is over the limits to the background check', () => {
    const out = rulesForExpressions(['a.top/', 'b.top/', 'c.top/p/', 'd.top/q/'], 'block', 1, {
      maxHosts: 1,
      maxPathRules: 1,
    });
    expect(out.hostCount).toBe(1);
    expect(out.pathCount).toBe(1);
    expect(out.unexpressed).toEqual(['b.top/', 'd.top/q/']);
  });
});
