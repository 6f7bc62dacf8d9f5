import { existsSync } from 'node:fs';

/** Debian's Chromium (installed by `.ci/run` / the README); CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}
