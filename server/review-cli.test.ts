import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAllowlist } from '../shared/allowlist';
import { runReviewCli } from './review-cli';
import type { ReportStore } from './store/report-store';
import { createSqliteStore } from './store/sqlite-store';
import { makeReport } from './test-server';

let dir: string;
let store: ReportStore;
let out: string[];
let err: string[];
const meta = { allowlisted: false, receivedAt: Date.parse('2025-06-01T12:00:00Z') };
const bank = makeReport({ url: 'https://www.icbc.com.cn/login' });
const scam = makeReport({ url: 'https://icbc-kefu.top/refund', category: undefined });

function cli(...args: string[]): Promise<number> {
  return runReviewCli(args, {
    store,
    loadAllowlist: async () => createAllowlist(['icbc.com.cn', 'gov.cn']),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scam-guard-cli-'));
  store = createSqliteStore(join(dir, 'reports.db'));
  out = [];
  err = [];
  await store.insert(bank, { ...meta, allowlisted: true });
  await store.insert(scam, meta);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports CLI', () => {
  it('lists the queue with the allowlisted report marked', async () => {
    expect(await cli('list', '--status', 'new')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('2 new report(s)');
    expect(text).toContain(scam.url);
    expect(text).toMatch(new RegExp(`${bank.id}.*ALLOWLISTED`));
  });

  it('shows every field of one report, with control characters escaped', async () => {
    const noisy = makeReport({ note: 'call \u001b[2Jnow' });
    await store.insert(noisy, meta);
    expect(await cli('show', noisy.id)).toBe(0);
    expect(out.join('\n')).toContain('call \\u001b[2Jnow');
    expect(out.join('\n')).toMatch(/reporters:\s+1 distinct/);
  });

  it('refuses to approve an allowlisted domain without --force', async () => {
    expect(await cli('approve', bank.id)).toBe(1);
    expect(err.join('\n')).toContain('Refused: icbc.com.cn is on the allowlist');
    expect((await store.get(bank.id))?.status).toBe('new');
  });

  it('approves an allowlisted domain with --force, after a loud warning', async () => {
    expect(await cli('approve', bank.id, '--force')).toBe(0);
    expect(err.join('\n')).toContain(
      'WARNING: approving a report of ALLOWLISTED domain icbc.com.cn',
    );
    expect((await store.get(bank.id))?.status).toBe('approved');
  });

  it('checks the allowlist as it is now, not only as it was on arrival', async () => {
    const late = makeReport({ url: 'https://www.gov.cn/' });
    await store.insert(late, meta); // arrived before gov.cn was allowlisted
    expect(await cli('approve', late.id)).toBe(1);
    expect(err.join('\n')).toContain('gov.cn is on the allowlist');
  });

  it('approves with a category, rejects, and exports approved URLs as CSV', async () => {
    const comma = makeReport({ url: 'https://pay.test/a,b?x="1"' });
    await store.insert(comma, meta);
    expect(await cli('approve', scam.id, '--category', 'fake-refund')).toBe(0);
    expect(await cli('approve', comma.id)).toBe(0);
    expect(await cli('reject', bank.id)).toBe(0);
    const file = join(dir, 'approved.csv');
    expect(await cli('export', '--out', file)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      'url,category\nhttps://icbc-kefu.top/refund,fake-refund\n"https://pay.test/a,b?x=%221%22",phishing\n',
    );
    expect(out.at(-1)).toBe(`Wrote 2 approved URL(s) to ${file}.`);
  });

  it.each([
    [['approve', 'nope'], 1, 'No report with id nope'],
    [['approve', scam.id, '--category', 'other'], 2, 'Unknown category "other"'],
    [['list', '--status', 'open'], 2, 'Unknown status "open"'],
    [['export'], 2, 'Usage:'],
    [['frobnicate'], 2, 'Usage:'],
    [['list', '--bogus'], 2, "Unknown option '--bogus'"],
  ])('answers %j with exit code %i and a clear message', async (args, code, message) => {
    expect(await cli(...args)).toBe(code);
    expect(err.join('\n')).toContain(message);
  });

  it('runs as `npm run reports` with DATABASE_PATH and ALLOWLIST_PATH', async () => {
    await store.close();
    const allowlistPath = join(dir, 'allowlist.txt');
    writeFileSync(allowlistPath, 'icbc.com.cn\n');
    const env = {
      ...process.env,
      DATABASE_PATH: join(dir, 'reports.db'),
      ALLOWLIST_PATH: allowlistPath,
    };
    const args = ['--import', 'tsx', 'server/reports-cli.ts', 'approve', bank.id];
    const refused = await promisify(execFile)(process.execPath, args, { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Refused: icbc.com.cn is on the allowlist'),
    });
    store = createSqliteStore(join(dir, 'reports.db'));
    expect((await store.get(bank.id))?.status).toBe('new');
  });
});
