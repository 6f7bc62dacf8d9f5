import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { registrableDomain } from '../../shared/domain';
import type { Report } from '../../shared/report';
import {
  firstPerUrl,
  PRIORITY_COLUMNS,
  QUEUE_ORDER,
  toStoredReport,
  urlKey,
  type ReportRow,
} from './report-row';
import type { ReportStore, SetStatusResult } from './report-store';
import { runMigrations } from './sqlite-migrations';

export const DEFAULT_DATABASE_PATH = '.data/reports.db';

// Priority is derived here, in one place, for both get() and list().
const SELECT_WITH_PRIORITY = `SELECT r.*, ${PRIORITY_COLUMNS} FROM reports r`;

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
      list_version, install_id, reporter_network, created_at, received_at, allowlisted)
    VALUES (@id, @kind, @url, @urlKey, @domain, @category, @note, @extensionVersion,
      @listVersion, @installId, @network, @createdAt, @receivedAt, @allowlisted)
    ON CONFLICT (id) DO NOTHING`);
  const getOne = db.prepare<[string], ReportRow>(`${SELECT_WITH_PRIORITY} WHERE r.id = ?`);
  const listAll = db.prepare<[number], ReportRow>(`${SELECT_WITH_PRIORITY} ${QUEUE_ORDER} LIMIT ?`);
  const listByStatus = db.prepare<[string, number], ReportRow>(
    `${SELECT_WITH_PRIORITY} WHERE r.status = ? ${QUEUE_ORDER} LIMIT ?`,
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
        network: meta.network ?? '',
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
      return firstPerUrl(approved.all());
    },
    async count() {
      return countAll.get()?.n ?? 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
