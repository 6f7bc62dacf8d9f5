import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The CI-sized run of `npm run loadtest`: the full one (50 clients, 20 s) is in the README.
describe('npm run loadtest', () => {
  it('loses and duplicates no report when one of two PostgreSQL instances is SIGKILLed', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/load-test.ts',
        ...['--backend', 'postgres', '--instances', '2', '--clients', '10'],
        ...['--seconds', '4', '--kill-at', '2'],
      ],
      { env: { ...process.env, DATABASE_URL: '' }, timeout: 90_000 },
    );
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      instances: 2,
      killed: 1,
      lost: 0,
      duplicated: 0,
      storedButNotAcknowledged: 0,
      errors: 0,
    });
    expect(result.acknowledged).toBeGreaterThan(100);
    expect(result.stored).toBe(result.acknowledged);
  }, 120_000);
});
