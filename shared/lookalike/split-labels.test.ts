import { describe, expect, it } from 'vitest';
import { labelCount, splitLabels } from './split-labels';

describe('splitLabels and labelCount', () => {
  it.each(['paypal.com', 'www.icbc.com.cn.evil.xyz', 'localhost', 'a..b', '.a', 'a.', '.', ''])(
    'read %j as split(".") does',
    (host) => {
      expect(splitLabels(host)).toEqual(host.split('.'));
      expect(labelCount(host)).toBe(host.split('.').length);
    },
  );
});
