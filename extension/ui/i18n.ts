import browser from 'webextension-polyfill';
import type { Category } from '../../shared/categories';

import type en from '../_locales/en/messages.json';

/** Every key of the English catalogue; the locale test keeps zh_CN in step with it. */
export type MessageKey = keyof typeof en;

/** A translated string in the browser's language (`chrome.i18n` picks it). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

const CATEGORY_KEYS: Record<Category, MessageKey> = {
  'police-impersonation': 'categoryPoliceImpersonation',
  'fake-refund': 'categoryFakeRefund',
  'credit-loan': 'categoryCreditLoan',
  'investment-romance': 'categoryInvestmentRomance',
  gambling: 'categoryGambling',
  'paid-tasks': 'categoryPaidTasks',
  phishing: 'categoryPhishing',
  malware: 'categoryMalware',
  scam: 'categoryScam',
};

export function categoryName(category: Category): string {
  return t(CATEGORY_KEYS[category]);
}
