import type { FieldKind } from './page-extract';

/**
 * What a form field asks for, from what the page says about it: the `autocomplete` token
 * where the page set one, the input type, then its label, placeholder and name. Pure, so the
 * content script stays small and this is tested in Node.
 */
const BY_AUTOCOMPLETE: Record<string, FieldKind> = {
  'cc-number': 'card',
  'cc-csc': 'card',
  'one-time-code': 'sms-code',
  'current-password': 'password',
  'new-password': 'password',
  tel: 'phone',
  name: 'name',
  'transaction-amount': 'amount',
};

// Order matters: "验证码" before "码", "card number" before "number", "支付密码" is a password.
const BY_LABEL: readonly [RegExp, FieldKind][] = [
  [
    /验证码|动态码|校验码|短信码|verification code|one.?time|otp|passcode|sms code|security code from|text code|bank code/i,
    'sms-code',
  ],
  [/密码|password|\bpin\b|passwd/i, 'password'],
  [
    /卡号|银行卡|信用卡|card (?:number|no)|card used|bank card|credit card|debit card|\bcvv\b|\bcvc\b|有效期|expiry/i,
    'card',
  ],
  [
    /身份证|证件号|护照|id number|id no|identity number|passport|social security|\bssn\b/i,
    'id-number',
  ],
  [
    /账号|账户|帐户|account number|iban|routing|sort code|bank account|收款码|支付宝|e-?wallet/i,
    'bank-account',
  ],
  [/金额|费用|保证金|充值|amount|deposit|\bfee\b|top.?up|stake|payment/i, 'amount'],
  [/手机|电话|phone|mobile|\btel\b/i, 'phone'],
  [/姓名|名字|full name|your name|last name|first name|\bname\b/i, 'name'],
];

export function fieldKind(field: { type: string; autocomplete: string; label: string }): FieldKind {
  const auto = field.autocomplete
    .toLowerCase()
    .split(/\s+/)
    .find((t) => t in BY_AUTOCOMPLETE);
  if (auto) return BY_AUTOCOMPLETE[auto]!;
  if (field.type.toLowerCase() === 'password') return 'password';
  for (const [pattern, kind] of BY_LABEL) if (pattern.test(field.label)) return kind;
  return 'other';
}
