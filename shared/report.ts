import { CATEGORIES, type Category } from './categories';

/**
 * What the extension sends when someone reports a page, and all it ever sends: no cookies,
 * no page content, no history. The server validates bodies against `reportSchema` and refuses
 * anything else, so adding a field here is a protocol change for both sides.
 */
export const REPORT_KINDS = ['scam', 'false-positive'] as const;

export type ReportKind = (typeof REPORT_KINDS)[number];

export interface Report {
  /** Random UUID made by the client; resending the same id is how retries stay idempotent. */
  id: string;
  kind: ReportKind;
  /** The reported page, http(s) only; see `validateReportUrl`. */
  url: string;
  category?: Category;
  note?: string;
  extensionVersion: string;
  /** Version of the list the client had when reporting, to tell stale lists from misses. */
  listVersion: number;
  /** Random UUID per installation: lets reviewers count independent reporters, names no one. */
  installId: string;
  /** ISO 8601 time the user reported, in the client's clock. */
  createdAt: string;
}

export const REPORT_LIMITS = {
  urlLength: 2048,
  noteLength: 500,
  extensionVersionLength: 32,
  /** Largest accepted request body; a maximal report is about 3 KB of JSON. */
  bodyBytes: 16 * 1024,
} as const;

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const ISO_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
// Browser extension versions are one to four dot-separated integers ("1.2.0").
const EXTENSION_VERSION = '^\\d{1,9}(\\.\\d{1,9}){0,3}$';

/**
 * JSON Schema (draft-07) of `Report`. Patterns rather than `format` keep it usable by any
 * validator, including Ajv without ajv-formats.
 */
export const reportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'url', 'extensionVersion', 'listVersion', 'installId', 'createdAt'],
  properties: {
    id: { type: 'string', pattern: UUID },
    kind: { type: 'string', enum: [...REPORT_KINDS] },
    url: { type: 'string', minLength: 1, maxLength: REPORT_LIMITS.urlLength },
    category: { type: 'string', enum: [...CATEGORIES] },
    note: { type: 'string', maxLength: REPORT_LIMITS.noteLength },
    extensionVersion: {
      type: 'string',
      maxLength: REPORT_LIMITS.extensionVersionLength,
      pattern: EXTENSION_VERSION,
    },
    listVersion: { type: 'integer', minimum: 0 },
    installId: { type: 'string', pattern: UUID },
    createdAt: { type: 'string', maxLength: 40, pattern: ISO_TIME },
  },
};

/**
 * Why `url` cannot be reported, or null when it can. Only web pages can be scam sites;
 * anything else (`javascript:`, `data:`, `file:`, extension pages) is either not a site or
 * would carry page content, and user names or passwords in a URL are secrets.
 */
export function validateReportUrl(url: string): string | null {
  if (url.length > REPORT_LIMITS.urlLength) {
    return `URL is ${url.length} characters long; the limit is ${REPORT_LIMITS.urlLength}`;
  }
  // The URL parser silently drops tabs, newlines and outer spaces; refuse them instead so
  // that what is stored is exactly what was reviewed.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url)) return 'URL contains spaces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'URL is not a valid absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `only http and https pages can be reported, not "${parsed.protocol}" URLs`;
  }
  if (parsed.username || parsed.password) {
    return 'URL contains a user name or password; remove them before reporting';
  }
  if (!parsed.hostname) return 'URL has no host name';
  return null;
}
