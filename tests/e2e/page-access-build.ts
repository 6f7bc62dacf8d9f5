import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A build of the extension that asks for the page-access hosts up front
 * (SCAM_GUARD_GRANT_PAGE_ACCESS, see vite.config.ts): Chromium's permission prompt cannot be
 * answered by an automated browser, so this is how a test gets page access granted.
 * Returns the build's folder.
 */
export function buildWithPageAccess(): string {
  const dist = mkdtempSync(join(tmpdir(), 'scam-guard-page-access-'));
  execFileSync('npx', ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'error'], {
    env: { ...process.env, SCAM_GUARD_GRANT_PAGE_ACCESS: '1', SCAM_GUARD_OUT_DIR: dist },
    stdio: 'inherit',
  });
  return dist;
}
