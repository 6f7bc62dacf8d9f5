import { isCategory } from '../../shared/categories';
import type { ReportKind } from '../../shared/report';
import type { ApprovedEntry, ReportStatus, StoredReport } from './report-store';

/**
 * A `reports` row as either backend returns it: SQLite gives integers and 0/1, node-postgres
 * gives BIGINT as a string and booleans. Both map to a StoredReport here, in one place.
 */
export interface ReportRow {
  id: string;
  kind: ReportKind;
  url: string;
  domain: string;
  category: string | null;
  note: string | null;
  extension_version: string;
  list_version: number | string;
  install_id: string;
  created_at: string;
  received_at: number | string;
  allowlisted: 0 | 1 | boolean;
  status: ReportStatus;
  review_category: string | null;
  reviewed_at: number | string | null;
  priority: number | string;
  networks: number | string;
}

/** The URL without its fragment: `#...` never reaches a server, so it cannot tell sites apart. */
export function urlKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * The two counts the queue ranks by, as SQL both backends run: derived when read, never
 * stored, so they cannot drift.
 */
export const PRIORITY_COLUMNS = `
  (SELECT COUNT(DISTINCT p.install_id) FROM reports p
    WHERE p.kind = r.kind AND p.url_key = r.url_key) AS priority,
  (SELECT COUNT(DISTINCT p.reporter_network) FROM reports p
    WHERE p.kind = r.kind AND p.url_key = r.url_key AND p.reporter_network <> '') AS networks`;

export const QUEUE_ORDER = 'ORDER BY networks DESC, priority DESC, r.received_at ASC, r.id';

export function toStoredReport(row: ReportRow): StoredReport {
  const report: StoredReport = {
    id: row.id,
    kind: row.kind,
    url: row.url,
    extensionVersion: row.extension_version,
    listVersion: Number(row.list_version),
    installId: row.install_id,
    createdAt: row.created_at,
    receivedAt: new Date(Number(row.received_at)).toISOString(),
    domain: row.domain,
    allowlisted: row.allowlisted === 1 || row.allowlisted === true,
    status: row.status,
    priority: Number(row.priority),
    networks: Number(row.networks),
  };
  if (isCategory(row.category)) report.category = row.category;
  if (row.note !== null) report.note = row.note;
  if (isCategory(row.review_category)) report.reviewCategory = row.review_category;
  if (row.reviewed_at !== null) report.reviewedAt = new Date(Number(row.reviewed_at)).toISOString();
  return report;
}

/** Rows ordered by URL, latest review first: the first row of each URL wins. */
export function firstPerUrl(
  rows: readonly { url_key: string; category: string | null }[],
): ApprovedEntry[] {
  const entries: ApprovedEntry[] = [];
  let previous: string | undefined;
  for (const row of rows) {
    if (row.url_key === previous) continue;
    previous = row.url_key;
    entries.push(
      isCategory(row.category)
        ? { url: row.url_key, category: row.category }
        : { url: row.url_key },
    );
  }
  return entries;
}
