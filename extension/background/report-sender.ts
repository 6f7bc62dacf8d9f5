import type { Report } from '../../shared/report';
import { parseRetryAfter } from '../../shared/sync/sync-schedule';

/** What one POST of a report came to, in the terms the queue acts on. */
export type SendOutcome =
  /** 201 accepted or 200 duplicate: the server has it either way. */
  | { kind: 'delivered' }
  /** The server refused this report (a 4xx other than 429); resending would not help. */
  | { kind: 'refused'; status: number; reason: string }
  /** Try again later: network error, 5xx or 429; `retryAfterSeconds` when the server said. */
  | { kind: 'retry'; reason: string; retryAfterSeconds?: number };

export interface SendDeps {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs?: number;
}

/** POSTs one report. Never throws: every failure is an outcome the queue decides on. */
export default async function sendReport(
  deps: SendDeps,
  reportUrl: string,
  report: Report,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await deps.fetch(reportUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      // Reports carry no cookies, whatever the server's CORS rules would allow.
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
    });
  } catch (error) {
    return { kind: 'retry', reason: `network: ${(error as Error).message}` };
  }
  if (response.status === 200 || response.status === 201) return { kind: 'delivered' };
  const reason = await errorReason(response);
  if (response.status === 429 || response.status >= 500) {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), deps.now());
    return { kind: 'retry', reason, retryAfterSeconds };
  }
  return { kind: 'refused', status: response.status, reason };
}

/** The server's `{error, reason}` body in one line, or the status when there is none. */
async function errorReason(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown; reason?: unknown };
    const parts = [body.error, body.reason].filter((p) => typeof p === 'string');
    if (parts.length) return `HTTP ${response.status}: ${parts.join(': ')}`;
  } catch {
    // Not JSON (a proxy's error page, say): the status is all there is to say.
  }
  return `HTTP ${response.status}`;
}
