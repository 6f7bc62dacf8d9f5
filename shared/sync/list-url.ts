/**
 * Where lists may come from. Every list file is signed, but an http manifest lets anyone on
 * the path delay updates (stale manifest, huge waits, endless bodies) and watch who syncs:
 * https is required except on this machine, where `npm start` and the tests serve plain http.
 */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why `url` may not serve lists, or null when it may. */
export function listUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname)) return null;
  return parsed.protocol === 'http:'
    ? 'plain http is only allowed for 127.0.0.1, localhost and ::1; use https'
    : `${parsed.protocol} is not a web address`;
}
