import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { encodeList, type ListEntry } from '../../shared/list';
import { createListHolder } from './active-list';
import { openDatabase } from './db';
import { createListStore } from './list-store';
import { createNetworkRules, markerFor, type RulesApi } from './network-rules';

type Rule = DeclarativeNetRequest.Rule;

/** The dynamic rules as Chromium keeps them: each update applied whole or not at all. */
function fakeRules() {
  let dynamic: Rule[] = [];
  let failNext = false;
  const api = {
    async updateDynamicRules({
      removeRuleIds = [],
      addRules = [],
    }: {
      removeRuleIds?: number[];
      addRules?: Rule[];
    }) {
      if (failNext) {
        failNext = false;
        throw new Error('rule limit exceeded');
      }
      const removed = new Set(removeRuleIds);
      dynamic = [...dynamic.filter((r) => !removed.has(r.id)), ...addRules];
    },
    async getDynamicRules(filter?: { ruleIds?: number[] }) {
      return dynamic.filter((r) => !filter?.ruleIds || filter.ruleIds.includes(r.id));
    },
    async updateSessionRules() {},
    async getSessionRules() {
      return [];
    },
  } as unknown as RulesApi;
  const blockedHosts = () =>
    dynamic
      .filter((r) => r.action.type === 'block')
      .flatMap((r) => r.condition.requestDomains ?? [])
      .sort();
  const marker = () => dynamic.find((r) => r.id === 1)?.condition.urlFilter;
  return { api, blockedHosts, marker, failOnce: () => (failNext = true) };
}

const block = (host: string): ListEntry => ({
  expression: `${host}/`,
  category: 'phishing',
  source: 'test',
  action: 'block',
});
const list = (version: number, hosts: string[]) =>
  encodeList(hosts.map(block), { version, createdAt: 1_000 * version });

let dbCount = 0;
async function setUp(personal: string[] = []) {
  const db = await openDatabase(`active-list-${++dbCount}`);
  const starter = await list(0, ['a.top', 'b.top']);
  const rules = fakeRules();
  const starterReads = { count: 0 };
  const make = () =>
    createListHolder({
      store: createListStore(db),
      rules: createNetworkRules(rules.api),
      personalKeys: () => personal,
      starter: async () => {
        starterReads.count++;
        return starter;
      },
    });
  return { db, rules, make, personal, starterReads };
}

describe('the list holder keeps the stored list and the network rules in step', () => {
  it('installs the bundled list on first run, with no dynamic list rules', async () => {
    const { rules, make, starterReads } = await setUp();
    const holder = make();
    await holder.load();
    expect(starterReads.count, 'the bundled list is read and verified once').toBe(1);
    expect(holder.current()?.version).toBe(0);
    expect(rules.blockedHosts()).toEqual([]);
    expect(rules.marker()).toBe(markerFor({ listVersion: 0, personalKeys: [] }));
  });

  it('puts what a synced list added into the rules, and the personal blocks with it', async () => {
    const { rules, make } = await setUp(['mine.top']);
    const holder = make();
    await holder.load();
    await holder.activate(await list(1, ['a.top', 'c.top']));
    expect(rules.blockedHosts()).toEqual(['c.top', 'mine.top']);
    expect(rules.marker()).toBe(markerFor({ listVersion: 1, personalKeys: ['mine.top'] }));
  });

  it('keeps the old list in force in both places when the rules cannot be written', async () => {
    const { rules, make } = await setUp();
    const holder = make();
    await holder.load();
    await holder.activate(await list(1, ['c.top']));
    rules.failOnce();
    await expect(holder.activate(await list(2, ['d.top']))).rejects.toThrow(/rule limit/);
    expect(holder.current()?.version).toBe(1);
    expect(rules.blockedHosts()).toEqual(['c.top']);
    const restarted = make();
    await restarted.load();
    expect(restarted.current()?.version).toBe(1);
  });

  it('repairs rules written for a version that never reached the store (a worker killed between)', async () => {
    const { rules, make, db } = await setUp();
    const holder = make();
    await holder.load();
    await holder.activate(await list(1, ['c.top']));
    // What a worker stopped after the rules but before the store's transaction leaves.
    await createNetworkRules(rules.api).install({ listVersion: 2, personalKeys: [] }, [
      {
        priority: 3,
        action: { type: 'block' },
        condition: { requestDomains: ['d.top'], resourceTypes: ['main_frame'] },
      },
    ]);
    expect(rules.blockedHosts()).toEqual(['d.top']);
    const restarted = make();
    await restarted.load();
    expect(restarted.current()?.version).toBe(1);
    await restarted.settled(); // the repair runs behind the load, off the navigation path
    expect(rules.blockedHosts()).toEqual(['c.top']);
    expect(await createListStore(db).activeVersion()).toBe(1);
  });

  it('replaces a stored list it cannot read with the bundled one, never with "nothing listed"', async () => {
    const { make, db } = await setUp();
    const holder = make();
    await holder.load();
    await holder.activate(await list(1, ['c.top']));
    await db.delete('list-pages', [1, 0]);
    const restarted = make();
    await restarted.load();
    expect(restarted.current()?.version).toBe(0);
    expect(await restarted.current()!.match('http://a.top/')).toMatchObject({ action: 'block' });
  });

  it('writes a personal block into the rules beside the list rules', async () => {
    const { rules, make, personal } = await setUp();
    const holder = make();
    await holder.load();
    await holder.activate(await list(1, ['c.top']));
    personal.push('sites.google.com/view/fake');
    await holder.personalChanged();
    expect(rules.blockedHosts()).toEqual(['c.top']);
    expect(rules.marker()).toBe(
      markerFor({ listVersion: 1, personalKeys: ['sites.google.com/view/fake'] }),
    );
  });
});
