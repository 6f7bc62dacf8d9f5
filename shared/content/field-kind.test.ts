import { describe, expect, it } from 'vitest';
import { fieldKind } from './field-kind';
import type { FieldKind } from './page-extract';

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
