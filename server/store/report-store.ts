import type { Category } from '../../shared/categories';
import type { Report } from '../../shared/report';

export type ReportStatus = 'new' | 'approved' | 'rejected';

export const REPORT_STATUSES: readonly ReportStatus[] = ['new', 'approved', 'rejected'];

/** A report as the service keeps it: what the client sent plus what the server learned. */
export interface StoredReport extends Report {
  /** Server time the report arrived (ISO 8601); `createdAt` is the client's clock. */
  receivedAt: string;
  /** Registrable domain of the URL (`a.b.example.co.uk` → `example.co.uk`). */
  domain: string;
  /** True when the allowlist covered the URL's host on arrival. */
  allowlisted: boolean;
  status: ReportStatus;
  /** Category chosen by the reviewer, when it differs from or fills in the reported one. */
  reviewCategory?: Category;
  reviewedAt?: string;
  /**
   * Independent reporters of the same URL and kind (distinct installIds), this one
   * included. Derived when read, never stored, so it cannot drift.
   */
  priority: number;
  /**
   * Distinct address ranges (/24 IPv4, /48 IPv6) that reported the same URL and kind. An
   * install id is chosen by the client, so one machine can invent many; ranges it cannot.
   * The queue ranks by this first. Reports stored before ranges were kept count none.
   */
  networks: number;
}

export interface InsertMeta {
  allowlisted: boolean;
  /** Milliseconds since the epoch, from the server's clock. */
  receivedAt: number;
  /** The sender's address range (see reporter-network.ts); never the address itself. */
  network?: string;
}

export interface ListOptions {
  status?: ReportStatus;
  /** At most this many, most ranges first, then most installs, then oldest. Default 100. */
  limit?: number;
}

export interface SetStatusOptions {
  /** Approve even though the domain is allowlisted. Only for a reviewer who has checked. */
  force?: boolean;
  /** The reviewer's category; overrides the reported one in `approvedEntries`. */
  category?: Category;
  /** Milliseconds since the epoch; defaults to now. */
  reviewedAt?: number;
}

export type SetStatusResult = 'updated' | 'not-found' | 'allowlisted';

/** One line of the list compiler's input: an approved scam report. */
export interface ApprovedEntry {
  url: string;
  category?: Category;
}

/**
 * Where reports live: `sqlite-store.ts` (the default, one file) or `postgres-store.ts`
 * (DATABASE_URL, many instances). Both pass the one suite in `report-store-contract.ts`.
 */
export interface ReportStore {
  /** Stores the report unless one with the same id exists (then nothing changes). */
  insert(report: Report, meta: InsertMeta): Promise<'accepted' | 'duplicate'>;
  get(id: string): Promise<StoredReport | null>;
  list(options?: ListOptions): Promise<StoredReport[]>;
  /**
   * Records a review. Approving a scam report whose domain was allowlisted is refused
   * (`'allowlisted'`) unless `force` is set.
   */
  setStatus(
    id: string,
    status: 'approved' | 'rejected',
    options?: SetStatusOptions,
  ): Promise<SetStatusResult>;
  /** Approved scam reports, one per URL, for the list compiler. */
  approvedEntries(): Promise<ApprovedEntry[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
