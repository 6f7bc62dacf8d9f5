import type { ListEntry } from './list-entry';

/** Small entry sets shared by the list tests. */
export function entry(expression: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return { expression, category: 'phishing', source: 'test-feed', action: 'block', ...overrides };
}

export function syntheticEntries(count: number, prefix = 'site'): ListEntry[] {
  const out: ListEntry[] = [];
  for (let i = 0; i < count; i++)
    out.push(entry(`${prefix}${i}.example${i % 7}.com/`, { source: `feed-${i % 3}` }));
  return out;
}
