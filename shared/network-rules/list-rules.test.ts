import { describe, expect, it } from 'vitest';
import { packEntries, sortEntries, type ListEntry } from '../list';
import { listDiffRules, starterRuleset } from './list-rules';
import { PRIORITY } from './network-rule';
import { pathRegex } from './rules-for-expressions';

const entry = (expression: string, action: ListEntry['action'] = 'block'): ListEntry => ({
  expression,
  action,
  category: action === 'allow' ? 'scam' : 'phishing',
  source: 'test',
});
const pack = (entries: ListEntry[]) => packEntries(sortEntries(entries));
const LIMITS = { maxHosts: 1000, maxPathRules: 100 };

/** The expressions each (priority, action) pair of rules names, sorted. */
function named(rules: ReturnType<typeof listDiffRules>['rules']) {
  const out: Record<string, string[]> = {};
  for (const r of rules) {
    const key = `${r.priority}:${r.action.type}`;
    const items = r.condition.requestDomains ?? [r.condition.regexFilter!];
    out[key] = [...(out[key] ?? []), ...items].sort();
  }
  return out;
}

describe('starterRuleset', () => {
  it('numbers the rules and puts the allowlist above the blocks', () => {
    const { rules, coverage } = starterRuleset(
      pack([entry('a.top/'), entry('b.top/x/'), entry('bank.com/', 'allow')]),
    );
    expect(rules.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(named(rules)).toEqual({
      [`${PRIORITY.starterBlock}:block`]: ['a.top', pathRegex('b.top/x/')!].sort(),
      [`${PRIORITY.allow}:allow`]: ['bank.com'],
    });
    expect(coverage).toMatchObject({ hosts: 2, paths: 1, unexpressed: 0 });
  });
});

describe('listDiffRules', () => {
  const starter = pack([
    entry('a.top/'),
    entry('b.top/'),
    entry('c.top/p/'),
    entry('bank.com/', 'allow'),
  ]);

  it('needs no rules for the starter list itself', () => {
    expect(listDiffRules(starter, starter, LIMITS).rules).toEqual([]);
  });

  it('blocks what a later list added and lifts what it removed', () => {
    const current = pack([
      entry('a.top/'),
      entry('d.top/'),
      entry('e.top/q/'),
      entry('bank.com/', 'allow'),
      entry('shop.com/', 'allow'),
    ]);
    expect(named(listDiffRules(starter, current, LIMITS).rules)).toEqual({
      [`${PRIORITY.addedBlock}:block`]: ['d.top', pathRegex('e.top/q/')!].sort(),
      [`${PRIORITY.removedBlock}:allow`]: ['b.top', pathRegex('c.top/p/')!].sort(),
      [`${PRIORITY.allow}:allow`]: ['shop.com'],
    });
  });

  it('treats an entry that turned from block to allow as removed and allowed', () => {
    const current = pack([
      entry('a.top/', 'allow'),
      entry('b.top/'),
      entry('c.top/p/'),
      entry('bank.com/', 'allow'),
    ]);
    expect(named(listDiffRules(starter, current, LIMITS).rules)).toEqual({
      [`${PRIORITY.removedBlock}:allow`]: ['a.top'],
      [`${PRIORITY.allow}:allow`]: ['a.top'],
    });
  });

  it('spends the limits on unblocks first and leaves the rest of the blocks to the background', () => {
    const current = pack([entry('x1.top/'), entry('x2.top/'), entry('x3.top/')]);
    const { rules, coverage } = listDiffRules(starter, current, { maxHosts: 3, maxPathRules: 100 });
    const out = named(rules);
    expect(out[`${PRIORITY.removedBlock}:allow`]).toEqual(
      ['a.top', 'b.top', pathRegex('c.top/p/')!].sort(),
    );
    expect(out[`${PRIORITY.addedBlock}:block`]).toHaveLength(1);
    expect(coverage.unexpressed).toBe(2);
  });
});
