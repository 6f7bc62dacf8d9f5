import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ListMatchLike, LookalikeFinding } from '../../shared/verdict';
import { openDatabase } from './db';
import { createPersonalBlocklist } from './personal-blocklist';
import { createProtection, type ActiveList } from './protection';
import { createTrustedSites } from './trusted-sites';

const FINDING: LookalikeFinding = {
  technique: 'combosquat',
  brandName: 'ICBC',
  brandDomain: 'icbc.com.cn',
};

function fakeList(blocked: Record<string, 'block' | 'allow'>): ActiveList {
  return {
    version: 7,
    createdAt: 0,
    entryCount: Object.keys(blocked).length,
    checksum: '',
    metadata: {},
    async match(url): Promise<ListMatchLike | null> {
      const action = blocked[new URL(url).hostname];
      return action ? { action, expression: 'x/', category: 'phishing', listVersion: 7 } : null;
    },
  };
}

let dbCount = 0;

/** Every host looks like ICBC to this detector, so only precedence decides. */
async function setup(list: Record<string, 'block' | 'allow'> = {}) {
  const db = await openDatabase(`protection-test-${++dbCount}`);
  const personal = await createPersonalBlocklist(db);
  const trusted = await createTrustedSites(db);
  const protection = createProtection({
    personal,
    trusted,
    list: () => fakeList(list),
    lookalike: () => ({ check: () => FINDING }),
  });
  return { personal, trusted, protection };
}

describe('protection with sites marked as fine', () => {
  it('warns about a look-alike nobody has judged', async () => {
    const { protection } = await setup();
    const verdict = await protection.verdictFor('https://icbc-kefu.top/');
    expect([verdict.level, verdict.reason]).toEqual(['suspicious', 'lookalike']);
  });

  it('gives a site marked as fine, and its subdomains, no look-alike verdict', async () => {
    const { protection, trusted } = await setup();
    await trusted.add('icbc-kefu.top');
    for (const url of ['https://icbc-kefu.top/', 'https://www.icbc-kefu.top/pay']) {
      const verdict = await protection.verdictFor(url);
      expect([verdict.level, verdict.reason]).toEqual(['safe', 'not-listed']);
    }
    const other = await protection.verdictFor('https://icbc-refund.top/');
    expect(other.level).toBe('suspicious');
  });

  it('still blocks a site marked as fine when the list names it', async () => {
    const { protection, trusted } = await setup({ 'icbc-kefu.top': 'block' });
    await trusted.add('icbc-kefu.top');
    const verdict = await protection.verdictFor('https://icbc-kefu.top/');
    expect([verdict.level, verdict.reason]).toEqual(['dangerous', 'blocklist']);
  });

  it("still blocks a site marked as fine when it is on the user's own blocklist", async () => {
    const { protection, trusted, personal } = await setup();
    await trusted.add('icbc-kefu.top');
    await personal.add('icbc-kefu.top');
    const verdict = await protection.verdictFor('https://icbc-kefu.top/');
    expect([verdict.level, verdict.reason]).toEqual(['dangerous', 'personal-blocklist']);
  });

  it('warns again once the decision is undone', async () => {
    const { protection, trusted } = await setup();
    await trusted.add('icbc-kefu.top');
    await trusted.remove('icbc-kefu.top');
    expect((await protection.verdictFor('https://icbc-kefu.top/')).level).toBe('suspicious');
  });
});

describe('protection when the list cannot answer', () => {
  const noLookalike = async (list: () => ActiveList | null) => {
    const db = await openDatabase(`protection-test-${++dbCount}`);
    const personal = await createPersonalBlocklist(db);
    return { personal, protection: createProtection({ personal, list }) };
  };

  it('calls a page "unchecked", never safe, when no list is loaded', async () => {
    const { protection } = await noLookalike(() => null);
    const verdict = await protection.verdictFor('https://anything.example/');
    expect([verdict.level, verdict.reason]).toEqual(['unchecked', 'check-failed']);
  });

  it('calls a page "unchecked" when the lookup throws', async () => {
    const broken: ActiveList = {
      ...fakeList({}),
      match: () => Promise.reject(new Error('page 3 of list 7 is missing')),
    };
    const { protection } = await noLookalike(() => broken);
    await expect(protection.verdictFor('https://anything.example/')).resolves.toMatchObject({
      level: 'unchecked',
    });
  });

  it("still applies the user's own block when the list cannot answer", async () => {
    const { protection, personal } = await noLookalike(() => null);
    await personal.add('mine.top');
    await expect(protection.verdictFor('https://www.mine.top/')).resolves.toMatchObject({
      level: 'dangerous',
      reason: 'personal-blocklist',
    });
  });

  it('judges a blob: document as the page that made it', async () => {
    const { protection } = await noLookalike(() => fakeList({ 'evil.top': 'block' }));
    await expect(
      protection.verdictFor('blob:https://evil.top/0c4b3b1e-5a5f-4d6a-9d0c-3a7d2f1b9e10'),
    ).resolves.toMatchObject({ level: 'dangerous', host: 'evil.top' });
  });
});
