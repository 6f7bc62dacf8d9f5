import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request as the server received it. */
export interface LoggedRequest {
  host: string;
  path: string;
}

/** Answers one request itself (true) or leaves it to the plain page (false). */
export type Route = (request: { host: string; url: URL }, res: ServerResponse) => boolean;

export interface SiteServer {
  port: number;
  /** `http://HOST:PORT/PATH`: any host name reaches this server through the resolver rules. */
  url(host: string, path?: string): string;
  /**
   * The same over HTTPS (a self-signed certificate the test browser is told to accept), for
   * hosts the browser only ever visits over HTTPS (HSTS-preloaded, such as google.com).
   */
  httpsUrl(host: string, path?: string): string;
  /** Hosts whose pages were actually served, in order. */
  served: string[];
  /** Every request received, pages, scripts, images, frames and beacons alike. */
  requests: LoggedRequest[];
  /** Requests received for `host` or any of its subdomains. */
  requestsTo(host: string): LoggedRequest[];
  /** Serves special pages (redirects, frames, scripts): tried in order before the plain page. */
  route(route: Route): void;
  close(): Promise<void>;
}

/**
 * A plain web server standing in for every site on the web, scam or not. Its plain page
 * loads a script and an image from its own host, so a page that rendered or ran script
 * leaves requests in the log: a test of protection asserts that the log of a listed host
 * stays empty.
 */
export async function startSiteServer(): Promise<SiteServer> {
  const served: string[] = [];
  const requests: LoggedRequest[] = [];
  const routes: Route[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    requests.push({ host, path: url.pathname + url.search });
    if (routes.some((route) => route({ host, url }, res))) return;
    if (url.pathname === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end("fetch('/script-ran').catch(() => {});");
      return;
    }
    if (url.pathname === '/script-ran' || url.pathname === '/image.png') {
      res.writeHead(204);
      res.end();
      return;
    }
    served.push(host);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>${host}</title><h1>Welcome to ${host}</h1>` +
        '<img src="/image.png" alt=""><script src="/page.js"></script></html>',
    );
  };
  const server = createServer(handle);
  const tls = createTlsServer(selfSignedCertificate(), handle);
  const listen = (s: typeof server | typeof tls) =>
    new Promise<number>((resolve) =>
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
    );
  const port = await listen(server);
  const tlsPort = await listen(tls);
  return {
    port,
    served,
    requests,
    requestsTo: (host) => requests.filter((r) => r.host === host || r.host.endsWith('.' + host)),
    route: (route) => void routes.push(route),
    url: (host, path = '/') => `http://${host}:${port}${path}`,
    httpsUrl: (host, path = '/') => `https://${host}:${tlsPort}${path}`,
    close: async () => {
      for (const s of [server, tls]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'scam-guard-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=scam-guard-test',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
