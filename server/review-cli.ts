import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Allowlist } from '../shared/allowlist';
import { CATEGORIES, isCategory } from '../shared/categories';
import { approvedCsv } from './approved-csv';
import {
  REPORT_STATUSES,
  type ReportStatus,
  type ReportStore,
  type StoredReport,
} from './store/report-store';

export interface ReviewCliDeps {
  store: ReportStore;
  /** Read only when approving, so listing works even without an allowlist file. */
  loadAllowlist: () => Promise<Allowlist>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export const USAGE = `Usage: npm run reports -- <command>

  list [--status new|approved|rejected] [--limit N]   review queue, most reported first
  show <id>                                          every field of one report
  approve <id> [--category X] [--force]              accept a report for the next list
  reject <id>                                        dismiss a report
  export --out FILE                                  approved reports as url,category CSV`;

// Reports are written by strangers: never let their text drive the reviewer's terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function summary(r: StoredReport): string[] {
  const category = r.reviewCategory ?? r.category ?? 'no category';
  const flag = r.allowlisted ? '   !! ALLOWLISTED DOMAIN' : '';
  return [
    `${r.id}  [${r.status}]  ${r.kind}, ${category}  reporters: ${r.networks} range(s), ${r.priority} install(s)  received ${r.receivedAt}${flag}`,
    `    ${printable(r.url)}`,
  ];
}

function details(r: StoredReport): string[] {
  const rows: [string, string | number | boolean | undefined][] = [
    ['id', r.id],
    ['status', r.status],
    ['kind', r.kind],
    ['url', printable(r.url)],
    ['domain', r.domain],
    ['allowlisted', r.allowlisted ? 'YES: approving needs --force' : 'no'],
    ['category', r.category ?? '(none)'],
    ['review category', r.reviewCategory],
    ['note', r.note === undefined ? undefined : printable(r.note)],
    ['reporters', `${r.priority} distinct installation(s) reported this URL`],
    // Install ids are chosen by the client; ranges (/24, /48) are not, so they weigh more.
    ['ranges', `${r.networks} distinct address range(s) (/24 IPv4, /48 IPv6)`],
    ['received', r.receivedAt],
    ['created (client)', r.createdAt],
    ['reviewed', r.reviewedAt],
    ['extension', r.extensionVersion],
    ['list version', r.listVersion],
    ['install id', r.installId],
  ];
  return rows
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${`${k}:`.padEnd(18)}${String(v)}`);
}

function loudWarning(report: StoredReport, domain: string): string[] {
  const bar = '!'.repeat(72);
  return [
    bar,
    `!! WARNING: approving a report of ALLOWLISTED domain ${domain} (--force).`,
    `!! ${printable(report.url)}`,
    '!! The allowlist holds popular, bank and government sites. If this is wrong, every',
    '!! user will be warned away from a legitimate site. Double-check the exact host.',
    bar,
  ];
}

async function review(
  id: string,
  status: 'approved' | 'rejected',
  values: { category?: string; force?: boolean },
  { store, loadAllowlist, out, err }: ReviewCliDeps,
): Promise<number> {
  const report = await store.get(id);
  if (!report) {
    err(`No report with id ${id}. Run "npm run reports -- list" to see ids.`);
    return 1;
  }
  const category = values.category;
  if (category !== undefined && !isCategory(category)) {
    err(`Unknown category "${category}". Use one of: ${CATEGORIES.join(', ')}.`);
    return 2;
  }
  let force = false;
  if (status === 'approved' && report.kind === 'scam') {
    // Check the allowlist as it is now, not only as it was when the report arrived.
    const covering = (await loadAllowlist()).covering(new URL(report.url).hostname);
    const domain = covering ?? (report.allowlisted ? report.domain : null);
    if (domain !== null) {
      if (!values.force) {
        err(`Refused: ${domain} is on the allowlist (popular, bank or government sites).`);
        err(`Blocking ${printable(report.url)} would warn users away from a legitimate site.`);
        err('If the page really is a scam (for example a hacked page), run again with --force.');
        return 1;
      }
      for (const line of loudWarning(report, domain)) err(line);
      force = true;
    }
  }
  const result = await store.setStatus(id, status, { force, category });
  if (result !== 'updated') {
    err(`Could not ${status === 'approved' ? 'approve' : 'reject'} ${id}: ${result}.`);
    return 1;
  }
  out(`${status === 'approved' ? 'Approved' : 'Rejected'} ${id}  ${printable(report.url)}`);
  if (status === 'approved' && report.kind === 'false-positive') {
    out('A false-positive report is not exported: fix the feed that lists this site,');
    out('or add its domain to the allowlist if it is a popular, bank or government site.');
  }
  return 0;
}

/** Runs one review command; returns the process exit code. */
export async function runReviewCli(args: string[], deps: ReviewCliDeps): Promise<number> {
  const { out, err, store } = deps;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        status: { type: 'string' },
        limit: { type: 'string' },
        category: { type: 'string' },
        force: { type: 'boolean' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, id] = positionals;

  switch (command) {
    case 'list': {
      const status = values.status;
      if (status !== undefined && !REPORT_STATUSES.includes(status as ReportStatus)) {
        err(`Unknown status "${status}". Use one of: ${REPORT_STATUSES.join(', ')}.`);
        return 2;
      }
      const limit = values.limit === undefined ? 100 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        err(`--limit must be a positive whole number, not "${values.limit}".`);
        return 2;
      }
      const reports = await store.list({ status: status as ReportStatus | undefined, limit });
      const label = status ? `${status} ` : '';
      out(
        `${reports.length} ${label}report(s), most address ranges first, then installs, then oldest`,
      );
      for (const report of reports) out(['', ...summary(report)].join('\n'));
      return 0;
    }
    case 'show': {
      if (!id) break;
      const report = await store.get(id);
      if (!report) {
        err(`No report with id ${id}.`);
        return 1;
      }
      for (const line of details(report)) out(line);
      return 0;
    }
    case 'approve':
    case 'reject':
      if (!id) break;
      return review(id, command === 'approve' ? 'approved' : 'rejected', values, deps);
    case 'export': {
      if (!values.out) break;
      const entries = await store.approvedEntries();
      await writeFile(values.out, approvedCsv(entries));
      out(`Wrote ${entries.length} approved URL(s) to ${values.out}.`);
      return 0;
    }
  }
  err(USAGE);
  return 2;
}
