import { describe, expect, it } from 'vitest';
import type { PageExtract } from './page-extract';
import { hashFeature, pageFeatures } from './page-features';

const DIM = 4096;
const DISCLAIMS = hashFeature('cue:disclaims-asking') % DIM;

function page(text: string): PageExtract {
  return { host: 'example.com', title: '', text, fields: [], buttons: [], signals: [] };
}

function disclaims(text: string): boolean {
  return [...pageFeatures(page(text), DIM).indices].includes(DISCLAIMS);
}

describe('pageFeatures', () => {
  it.each([
    '客服不会索要验证码。',
    '银行工作人员绝不会以任何理由要求您提供短信验证码或密码。',
    '公安机关从不要求群众转账到所谓安全账户。',
    'We will never ask for your one-time code or password.',
    'Your bank will never call you and ask you to transfer money.',
  ])('marks the anti-fraud line in "%s"', (text) => {
    expect(disclaims(text)).toBe(true);
  });

  it.each([
    '请立即输入您收到的短信验证码完成验证。',
    '请将资金转入安全账户，并提供银行卡号和密码。',
    'Enter the code we sent you and your card number to unlock your account.',
    'Never miss a deal: sign in with your password.',
  ])('does not mark a request for the secret itself: "%s"', (text) => {
    expect(disclaims(text)).toBe(false);
  });
});
