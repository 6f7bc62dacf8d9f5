import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../shared/categories';
import { mergeCatalogs } from '../../scripts/lib/locales';
import type { Verdict } from '../../shared/verdict';
import { categoryAdvice } from './category-advice';

const en = mergeCatalogs('extension/_locales/en');
const zh = mergeCatalogs('extension/_locales/zh_CN');
const verdict = (extra: Partial<Verdict>): Verdict => ({
  level: 'dangerous',
  reason: 'blocklist',
  url: 'https://x.example/',
  host: 'x.example',
  ...extra,
});

describe('category advice on the warning page', () => {
  it.each(CATEGORIES)('explains %s, with its own text in English and Chinese', (category) => {
    const { why, remember } = categoryAdvice(verdict({ category }));
    for (const key of [why!, remember]) {
      expect(en[key]?.message).toMatch(/\w{3}/);
      expect(zh[key]?.message).toMatch(/\p{Script=Han}{4}/u);
    }
  });

  it('gives every category a different explanation', () => {
    const whys = CATEGORIES.map((category) => categoryAdvice(verdict({ category })).why);
    expect(new Set(whys).size).toBe(CATEGORIES.length);
  });

  it('tells the police-impersonation reader that police never ask for a transfer', () => {
    const { remember } = categoryAdvice(verdict({ category: 'police-impersonation' }));
    expect(en[remember]!.message).toContain('Police never ask you to transfer money');
    expect(zh[remember]!.message).toContain('公安机关不会让您转账到所谓的安全账户');
  });

  it('explains look-alikes, and reminds a user who blocked a site what not to do', () => {
    const lookalike = { technique: 'typo', brandName: 'ICBC', brandDomain: 'icbc.com.cn' };
    expect(categoryAdvice(verdict({ level: 'suspicious', lookalike })).why).toBe(
      'warningWhyLookalike',
    );
    expect(categoryAdvice(verdict({ reason: 'personal-blocklist' }))).toEqual({
      why: null,
      remember: 'warningRememberGeneral',
    });
  });
});
