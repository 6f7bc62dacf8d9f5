import { describe, expect, it } from 'vitest';
import { fieldKind } from './field-kind';
import type { FieldKind } from './page-extract';
import { textSignals } from './text-signals';

describe('fieldKind', () => {
  it.each([
    [{ type: 'text', autocomplete: 'cc-number', label: '' }, 'card'],
    [{ type: 'text', autocomplete: 'one-time-code', label: '' }, 'sms-code'],
    [{ type: 'password', autocomplete: '', label: '支付密码' }, 'password'],
    [{ type: 'text', autocomplete: '', label: '短信验证码' }, 'sms-code'],
    [{ type: 'text', autocomplete: '', label: '银行卡号' }, 'card'],
    [{ type: 'text', autocomplete: '', label: '身份证号码' }, 'id-number'],
    [{ type: 'text', autocomplete: '', label: 'Social Security number' }, 'id-number'],
    [{ type: 'text', autocomplete: '', label: 'One-time passcode' }, 'sms-code'],
    [{ type: 'text', autocomplete: '', label: 'Card number' }, 'card'],
    [{ type: 'tel', autocomplete: 'tel', label: '手机号' }, 'phone'],
    [{ type: 'text', autocomplete: '', label: '转账金额' }, 'amount'],
    [{ type: 'text', autocomplete: '', label: '收款账户' }, 'bank-account'],
    [{ type: 'search', autocomplete: '', label: '搜索商品' }, 'other'],
  ] as const)('reads %o as %s', (field, kind: FieldKind) => {
    expect(fieldKind(field)).toBe(kind);
  });
});

describe('textSignals', () => {
  it.each([
    ['立即支付 199 元', [], 'payment'],
    ['', ['充值'], 'payment'],
    ['Download the app to get your loan', [], 'download'],
    ['剩余 02:59:30', [], 'countdown'],
    ['', ['在线客服'], 'chat-widget'],
  ] as const)('finds the signal in %s %o', (text, buttons, signal) => {
    expect(textSignals(text, buttons)).toContain(signal);
  });

  it('finds no payment prompt in a news story about a transfer', () => {
    expect(
      textSignals('王先生先后转账 80 万元后发现被骗。He transferred $80,000.', ['分享']),
    ).not.toContain('payment');
  });

  it('finds nothing in an ordinary recipe', () => {
    expect(textSignals('Mash three bananas and bake for an hour.', ['Save recipe'])).toEqual([]);
  });
});
