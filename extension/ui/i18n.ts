import browser from 'webextension-polyfill';
import type { Category } from '../../shared/categories';
import type alerts from '../_locales/en/alerts.json';
import type common from '../_locales/en/common.json';
import type content from '../_locales/en/content.json';
import type family from '../_locales/en/family.json';
import type familyGuard from '../_locales/en/family-guard.json';
import type policyFiles from '../_locales/en/policy-files.json';
import type protection from '../_locales/en/protection.json';
import type report from '../_locales/en/report.json';
import type sync from '../_locales/en/sync.json';
import type trust from '../_locales/en/trust.json';
import type warning from '../_locales/en/warning.json';
import type welcome from '../_locales/en/welcome.json';

/** Every message key; add the type of each new catalog file here. */
export type MessageKey =
  | keyof typeof common
  | keyof typeof alerts
  | keyof typeof family
  | keyof typeof familyGuard
  | keyof typeof warning
  | keyof typeof sync
  | keyof typeof report
  | keyof typeof trust
  | keyof typeof content
  | keyof typeof protection
  | keyof typeof policyFiles
  | keyof typeof welcome;

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, CatalogEntry>;

export type Language = 'en' | 'zh_CN';

// All catalogs are bundled so the pages can follow the user's language setting, which
// `chrome.i18n` cannot (it always speaks the browser's language).
const files = import.meta.glob<Catalog>('../_locales/*/*.json', { eager: true, import: 'default' });
const catalogs: Record<Language, Catalog> = { en: {}, zh_CN: {} };
for (const [path, catalog] of Object.entries(files)) {
  const language = path.split('/')[2] as Language;
  Object.assign((catalogs[language] ??= {}), catalog);
}

/** The browser's language, mapped onto the ones the product speaks. */
export function browserLanguage(): Language {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

let current: Language = browserLanguage();

/** Switches every later `t()` call to `language` ('auto' follows the browser). */
export function setLanguage(language: Language | 'auto'): void {
  current = language === 'auto' ? browserLanguage() : language;
  // The background's notifications use these catalogs too, and a worker has no document.
  if (typeof document !== 'undefined') {
    document.documentElement.lang = current === 'zh_CN' ? 'zh-CN' : 'en';
  }
}

export function uiLanguage(): string {
  return current === 'zh_CN' ? 'zh-CN' : 'en';
}

/** A translated string, with Chrome's `$NAME$` placeholders filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = catalogs[current][key] ?? catalogs.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content ? Number(content.slice(1)) - 1 : -1;
    return index >= 0 && index < substitutions.length ? String(substitutions[index]) : whole;
  });
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
