import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../store/test-postgres';
import { startTestServer, type TestServer } from '../test-server';

export type StartRelayServer = (
  options?: Omit<Parameters<typeof startTestServer>[0], 'databaseUrl'>,
) => Promise<TestServer>;

/**
 * Runs `suite` once on SQLite and once on a throw-away PostgreSQL cluster (started only when
 * its tests run), each test with a fresh database behind a real server on a loopback port.
 * Servers are closed after each test.
 */
export function onBothBackends(suite: (start: StartRelayServer) => void): void {
  let cluster: TestPostgres | undefined;
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  const backends: [string, () => Promise<string | undefined>][] = [
    ['SQLite', async () => undefined],
    [
      'PostgreSQL',
      async () => {
        if (!cluster) throw new Error('no PostgreSQL cluster');
        return cluster.createDatabase();
      },
    ],
  ];
  for (const [name, databaseUrl] of backends) {
    describe(`on ${name}`, () => {
      if (name === 'PostgreSQL') {
        beforeAll(async () => {
          cluster = await startTestPostgres();
        });
      }
      suite(async (options = {}) => {
        const server = await startTestServer({ ...options, databaseUrl: await databaseUrl() });
        servers.push(server);
        return server;
      });
    });
  }
}

/** A request to `server` with a JSON body (a string is sent as it is). */
export function send(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const KEY_A = 'a'.repeat(43);
export const KEY_B = 'b'.repeat(43);

/** Pairs two browsers over HTTP as the extension does; the channel, slot and code used. */
export async function pair(
  server: TestServer,
): Promise<{ channelId: string; pairingId: string; code: string }> {
  const offer = await send(server, 'POST', '/v1/relay/pairings', { publicKey: KEY_A });
  if (offer.status !== 201) throw new Error(`offer answered ${offer.status}`);
  const { pairingId, code } = (await offer.json()) as { pairingId: string; code: string };
  const claim = await send(server, 'POST', '/v1/relay/pairings/claim', { code, publicKey: KEY_B });
  if (claim.status !== 200) throw new Error(`claim answered ${claim.status}`);
  const { channelId } = (await claim.json()) as { channelId: string };
  return { channelId, pairingId, code };
}
