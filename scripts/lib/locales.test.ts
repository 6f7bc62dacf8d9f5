import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from './locales';

const LOCALES = 'extension/_locales';
const en = mergeCatalogs(`${LOCALES}/en`);

/** `$NAME$` references in a message, which Chrome resolves through its placeholders. */
const references = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('translations', () => {
  it.each(readdirSync(LOCALES).filter((l) => l !== 'en'))(
    '%s has exactly the English keys, each with the same placeholders',
    (locale) => {
      const other = mergeCatalogs(`${LOCALES}/${locale}`);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        expect(references(other[key]!.message), key).toEqual(references(entry.message));
        expect(Object.keys(other[key]!.placeholders ?? {}).sort(), key).toEqual(
          Object.keys(entry.placeholders ?? {}).sort(),
        );
      }
    },
  );

  it('defines every placeholder a message uses', () => {
    for (const [key, entry] of Object.entries(en)) {
      for (const name of references(entry.message)) {
        expect(entry.placeholders ?? {}, `${key} uses $${name}$`).toHaveProperty(name);
      }
    }
  });

  it('ships a Simplified Chinese translation', () => {
    expect(readdirSync(LOCALES)).toEqual(expect.arrayContaining(['en', 'zh_CN']));
  });
});
