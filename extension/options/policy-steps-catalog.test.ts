import { describe, expect, it } from 'vitest';
import { policyFile } from '../../shared/policy-files/policy-file';
import { POLICY_TARGETS } from '../../shared/policy-files/policy-target';
import en from '../_locales/en/policy-files.json';
import zh from '../_locales/zh_CN/policy-files.json';
import { DISTRIBUTION } from '../distribution';

type Catalog = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const UUIDS = { profile: 'a', browser: 'b', extension: 'c' };

describe('policy file steps', () => {
  it.each(POLICY_TARGETS)(
    '%s: every step is translated, with one placeholder per value',
    (target) => {
      const { steps } = policyFile({
        target,
        distribution: DISTRIBUTION,
        settings: {},
        profileUuids: UUIDS,
      });
      for (const catalog of [en, zh] as Catalog[]) {
        for (const step of steps) {
          const entry = catalog[step.key];
          expect(entry, step.key).toBeDefined();
          const placeholders = entry!.message.match(/\$[A-Z]+\$/g) ?? [];
          expect(placeholders.length, step.key).toBe(step.substitutions?.length ?? 0);
          expect(Object.keys(entry!.placeholders ?? {}).length, step.key).toBe(placeholders.length);
        }
      }
    },
  );

  it('has the same messages in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
});
