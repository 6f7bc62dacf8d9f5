import { describe, expect, it } from 'vitest';
import { ALL_RESOURCE_TYPES } from '../../shared/network-rules/network-rule';
import { firefoxRule } from './firefox-rules';

describe('firefoxRule', () => {
  it('drops the resource types Firefox does not know and keeps the rest of the rule', () => {
    const rule = {
      priority: 3,
      action: { type: 'block' as const },
      condition: { requestDomains: ['scam.top'], resourceTypes: [...ALL_RESOURCE_TYPES] },
    };
    const adapted = firefoxRule(rule);
    expect(adapted.condition.resourceTypes).not.toContain('webtransport');
    expect(adapted.condition.resourceTypes).not.toContain('webbundle');
    expect(adapted.condition.resourceTypes).toContain('main_frame');
    expect(adapted).toMatchObject({ priority: 3, condition: { requestDomains: ['scam.top'] } });
    expect(rule.condition.resourceTypes).toContain('webtransport');
  });

  it('returns a rule that names none of them unchanged', () => {
    const rule = { condition: { resourceTypes: ['main_frame' as const] } };
    expect(firefoxRule(rule)).toBe(rule);
  });
});
