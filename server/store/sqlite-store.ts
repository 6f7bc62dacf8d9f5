import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isCategory } from '../../shared/categories';
import { registrableDomain } from '../../shared/domain';
import type { Report, ReportKind } from '../../shared/report';
import { runMigrations } from './migrations';
import type {
  ApprovedEntry,
  ReportStatus,
  ReportStore,
  SetStatusResult,
  StoredReport,
} from './report-store';

export const DEFAULT_DATABASE_PATH = '.data/reports.db';

interface Row {
  id: string;
  kind: ReportKind;
  url: string;
  domain: string;
  category: string | null;
  note: string | null;
  extension_version: string;
  list_version: number;
  install_id: string;
  created_at: string;
  received_at: number;
  allowlisted: 0 | 1;
  status: ReportStatus;
  review_category: string | null;
  reviewed_at: number | null;
  priority: number;
}

// Priority is derived here, in one place, for both get() and list().
const SELECT_WITH_PRIORITY = `
  SELECT r.*, (
    SELECT COUNT(DISTINCT p.install_id) FROM reports p
    WHERE p.kind = r.kind AND p.url_key = r.url_key
  ) AS priority
  FROM reports r`;

/** The URL without its fragment: `#...` never reaches a server, so it cannot tell sites apart. */
export function urlKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function toStoredReport(row: Row): StoredReport {
  const report: StoredReport = {
    id: row.id,
    kind: row.kind,
    url: row.url,
    extensionVersion: row.extension_version,
    listVersion: row.list_version,
    installId: row.install_id,
    createdAt: row.created_at,
    receivedAt: new Date(row.received_at).toISOString(),
    domain: row.domain,
    allowlisted: row.allowlisted === 1,
    status: row.status,
    priority: row.priority,
  };
  if (isCategory(row.category)) report.category = row.category;
  if (row.note !== null) report.note = row.note;
  if (isCategory(row.review_category)) report.reviewCategory = row.review_category;
  if (row.reviewed_at !== null) report.reviewedAt = new Date(row.reviewed_at).toISOString();
  return report;
}

/**
 * Reports in one SQLite file (better-sqlite3). WAL lets the review CLI read while the
 * service writes; busy_timeout makes the two wait for each other instead of failing.
 */
export function createSqliteStore(path = DEFAULT_DATABASE_PATH): ReportStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // NORMAL under WAL survives a crash of this process; only an OS crash or power loss can
  // drop the last commits, and clients keep unacknowledged reports queued anyway.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  runMigrations(db);

  const insert = db.prepare(`
    INSERT INTO reports (id, kind, url, url_key, domain, category, note, extension_version,
      list_version, install_id, created_at, received_at, allowlisted)
    VALUES (@id, @kind, @url, @urlKey, @domain, @category, @note, @extensionVersion,
      @listVersion, @installId, @createdAt, @receivedAt, @allowlisted)
    ON CONFLICT (id) DO NOTHING`);
  const getOne = db.prepare<[string], Row>(`${SELECT_WITH_PRIORITY} WHERE r.id = ?`);
  const listAll = db.prepare<[number], Row>(
    `${SELECT_WITH_PRIORITY} ORDER BY priority DESC, r.received_at ASC, r.id LIMIT ?`,
  );
  const listByStatus = db.prepare<[string, number], Row>(
    `${SELECT_WITH_PRIORITY} WHERE r.status = ?
     ORDER BY priority DESC, r.received_at ASC, r.id LIMIT ?`,
  );
  const review = db.prepare(`
    UPDATE reports SET status = @status, review_category = COALESCE(@category, review_category),
      reviewed_at = @reviewedAt
    WHERE id = @id`);
  const approved = db.prepare<[], { url_key: string; category: string | null }>(`
    SELECT url_key, COALESCE(review_category, category) AS category FROM reports
    WHERE status = 'approved' AND kind = 'scam'
    ORDER BY url_key, reviewed_at DESC`);
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM reports');

  const setStatus = db.transaction(
    (
      id: string,
      status: 'approved' | 'rejected',
      force: boolean,
      category: string | null,
      reviewedAt: number,
    ): SetStatusResult => {
      const row = getOne.get(id);
      if (!row) return 'not-found';
      if (status === 'approved' && row.kind === 'scam' && row.allowlisted === 1 && !force) {
        return 'allowlisted';
      }
      review.run({ id, status, category, reviewedAt });
      return 'updated';
    },
  );

  return {
    async insert(report: Report, meta) {
      const result = insert.run({
        id: report.id,
        kind: report.kind,
        url: report.url,
        urlKey: urlKey(report.url),
        domain: registrableDomain(report.url) ?? new URL(report.url).hostname,
        category: report.category ?? null,
        note: report.note ?? null,
        extensionVersion: report.extensionVersion,
        listVersion: report.listVersion,
        installId: report.installId,
        createdAt: report.createdAt,
        receivedAt: meta.receivedAt,
        allowlisted: meta.allowlisted ? 1 : 0,
      });
      return result.changes === 1 ? 'accepted' : 'duplicate';
    },
    async get(id) {
      const row = getOne.get(id);
      return row ? toStoredReport(row) : null;
    },
    async list({ status, limit = 100 } = {}) {
      const rows = status ? listByStatus.all(status, limit) : listAll.all(limit);
      return rows.map(toStoredReport);
    },
    async setStatus(id, status, { force = false, category, reviewedAt = Date.now() } = {}) {
      return setStatus.immediate(id, status, force, category ?? null, reviewedAt);
    },
    async approvedEntries() {
      const entries: ApprovedEntry[] = [];
      let previous: string | undefined;
      // Ordered by URL, latest review first: the first row of each URL wins.
      for (const row of approved.all()) {
        if (row.url_key === previous) continue;
        previous = row.url_key;
        entries.push(
          isCategory(row.category)
            ? { url: row.url_key, category: row.category }
            : { url: row.url_key },
        );
      }
      return entries;
    },
    async count() {
      return countAll.get()?.n ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
