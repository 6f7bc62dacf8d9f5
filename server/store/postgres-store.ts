import type pg from 'pg';
import { registrableDomain } from '../../shared/domain';
import {
  firstPerUrl,
  PRIORITY_COLUMNS,
  QUEUE_ORDER,
  toStoredReport,
  urlKey,
  type ReportRow,
} from './report-row';
import type { ReportStore } from './report-store';

const SELECT_WITH_PRIORITY = `SELECT r.*, ${PRIORITY_COLUMNS} FROM reports r`;

/**
 * Reports in PostgreSQL, for many instances behind one proxy. Every write is one statement,
 * so two instances never need a lock between them: the primary key decides a race for the
 * same report id, and a review is a conditional UPDATE. The pool belongs to the caller
 * (backend.ts), which also runs the migrations.
 */
export function createPostgresStore(pool: pg.Pool): ReportStore {
  return {
    async insert(report, meta) {
      const result = await pool.query(
        `INSERT INTO reports (id, kind, url, url_key, domain, category, note, extension_version,
           list_version, install_id, reporter_network, created_at, received_at, allowlisted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (id) DO NOTHING`,
        [
          report.id,
          report.kind,
          report.url,
          urlKey(report.url),
          registrableDomain(report.url) ?? new URL(report.url).hostname,
          report.category ?? null,
          report.note ?? null,
          report.extensionVersion,
          report.listVersion,
          report.installId,
          meta.network ?? '',
          report.createdAt,
          meta.receivedAt,
          meta.allowlisted,
        ],
      );
      return result.rowCount === 1 ? 'accepted' : 'duplicate';
    },
    async get(id) {
      const { rows } = await pool.query<ReportRow>(`${SELECT_WITH_PRIORITY} WHERE r.id = $1`, [id]);
      return rows[0] ? toStoredReport(rows[0]) : null;
    },
    async list({ status, limit = 100 } = {}) {
      const { rows } = status
        ? await pool.query<ReportRow>(
            `${SELECT_WITH_PRIORITY} WHERE r.status = $1 ${QUEUE_ORDER} LIMIT $2`,
            [status, limit],
          )
        : await pool.query<ReportRow>(`${SELECT_WITH_PRIORITY} ${QUEUE_ORDER} LIMIT $1`, [limit]);
      return rows.map(toStoredReport);
    },
    async setStatus(id, status, { force = false, category, reviewedAt = Date.now() } = {}) {
      // The allowlist check and the update are one statement, so a concurrent review on
      // another instance cannot slip between them.
      const updated = await pool.query(
        `UPDATE reports SET status = $2, review_category = COALESCE($3, review_category),
           reviewed_at = $4
         WHERE id = $1 AND NOT ($2 = 'approved' AND kind = 'scam' AND allowlisted AND NOT $5)`,
        [id, status, category ?? null, reviewedAt, force],
      );
      if (updated.rowCount === 1) return 'updated';
      const exists = await pool.query('SELECT 1 FROM reports WHERE id = $1', [id]);
      return exists.rowCount === 0 ? 'not-found' : 'allowlisted';
    },
    async approvedEntries() {
      // COLLATE "C": the same byte order as SQLite, whatever locale the cluster was made with.
      const { rows } = await pool.query<{ url_key: string; category: string | null }>(
        `SELECT url_key, COALESCE(review_category, category) AS category FROM reports
         WHERE status = 'approved' AND kind = 'scam'
         ORDER BY url_key COLLATE "C", reviewed_at DESC`,
      );
      return firstPerUrl(rows);
    },
    async count() {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM reports');
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      // The pool is closed by its owner (backend.ts).
    },
  };
}
