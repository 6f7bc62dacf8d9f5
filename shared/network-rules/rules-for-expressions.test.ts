import { describe, expect, it } from 'vitest';
import { DOMAINS_PER_RULE } from './network-rule';
import { pathRegex, rulesForExpressions } from './rules-for-expressions';

describe('pathRegex', () => {
  const matches = (expression: string, url: string) =>
    new RegExp(pathRegex(expression)!, 'i').test(url);
  it.each([
    ['evil.com/login/', 'https://evil.com/login/step2', true],
    ['evil.com/login/', 'https://www.evil.com:8443/login/', true],
    ['evil.com/login/', 'https://evil.com/loginx', false],
    ['evil.com/login/', 'https://notevil.com/login/', false],
    ['evil.com/pay.html', 'http://evil.com/pay.html?id=9', true],
    ['evil.com/pay.html', 'http://evil.com/pay.htmlx', false],
    ['evil.com/pay.html?id=1', 'http://evil.com/pay.html?id=1', true],
    ['evil.com/pay.html?id=1', 'http://evil.com/pay.html?id=12', false],
    ['sites.google.com/view/scam', 'https://sites.google.com/view/scam/login', true],
    ['sites.google.com/view/scam', 'https://sites.google.com:4443/view/scam', true],
    ['sites.google.com/view/scam', 'https://sites.google.com/view/scammer', false],
    ['sites.google.com/view/scam', 'https://sites.google.com.evil.top/view/scam', false],
    ['sites.google.com/view/scam', 'https://sites.google.com/view/other?next=/view/scam', false],
  ])('%s against %s: %s', (expression, url, expected) => {
    expect(matches(expression, url)).toBe(expected);
  });

  it.each([['evil.com/caf\u00e9/'], ['EVIL.com/x/'], ['bad host/x/']])('cannot say %s', (e) => {
    expect(pathRegex(e)).toBeNull();
  });
});

describe('rulesForExpressions', () => {
  it('groups hosts into requestDomains rules and gives each path its own rule', () => {
    const out = rulesForExpressions(['a.top/', 'b.top/', 'c.top/x/', 'bad host/'], 'block', 3);
    expect(out.hostCount).toBe(2);
    expect(out.pathCount).toBe(1);
    expect(out.unexpressed).toEqual(['bad host/']);
    expect(out.rules.map((r) => r.condition.regexFilter ?? r.condition.requestDomains)).toEqual([
      pathRegex('c.top/x/'),
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
