/**
 * Load test of the report service:
 *
 *   npm run loadtest -- [--clients 50] [--seconds 20] [--backend sqlite|postgres]
 *                       [--instances 2] [--kill-at 10] [--compare]
 *
 * Starts each instance as its own process (SQLite file, or PostgreSQL: DATABASE_URL or a
 * throw-away cluster), lets N clients POST reports, optionally SIGKILLs the first instance
 * mid-way, then checks the database holds every acknowledged report exactly once.
 * `--compare` runs SQLite, PostgreSQL with one instance and with two (one killed half-way)
 * in the same run. Prints JSON; exits 1 if any report was lost, duplicated or refused.
 */
import { parseArgs } from 'node:util';
import { runLoad, type LoadOptions } from './lib/load-run';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    backend: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '1' },
    'kill-at': { type: 'string' },
    compare: { type: 'boolean', default: false },
  },
});
const clients = Math.min(500, Math.max(1, Number(values.clients) || 50));
const seconds = Math.min(120, Math.max(1, Number(values.seconds) || 20));
if (values.backend !== 'sqlite' && values.backend !== 'postgres') {
  throw new Error('--backend must be sqlite or postgres');
}
const killAt = values['kill-at'] === undefined ? undefined : Number(values['kill-at']);

const plans: LoadOptions[] = values.compare
  ? [
      { backend: 'sqlite', instances: 1, clients, seconds },
      { backend: 'postgres', instances: 1, clients, seconds },
      { backend: 'postgres', instances: 2, clients, seconds },
      { backend: 'postgres', instances: 2, clients, seconds, killAt: seconds / 2 },
    ]
  : [
      {
        backend: values.backend,
        instances: Math.min(8, Math.max(1, Number(values.instances) || 1)),
        clients,
        seconds,
        ...(killAt === undefined ? {} : { killAt }),
        ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      },
    ];

// Bounded whatever happens: a hung request must not keep the process alive.
setTimeout(
  () => {
    console.error('load test overran its time limit; aborting');
    process.exit(2);
  },
  (plans.length * (seconds + 30) + 30) * 1000,
).unref();

const runs = [];
for (const plan of plans) runs.push(await runLoad(plan));
console.log(JSON.stringify(runs.length === 1 ? runs[0] : { runs }, null, 2));
const bad = runs.some((r) => r.lost || r.duplicated || r.storedButNotAcknowledged || r.errors);
process.exitCode = bad ? 1 : 0;
