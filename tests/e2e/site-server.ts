import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteServer {
  port: number;
  /** `http://HOST:PORT/PATH`: any host name reaches this server through the resolver rules. */
  url(host: string, path?: string): string;
  /** Hosts whose pages were actually served, in order. */
  served: string[];
  close(): Promise<void>;
}

/** A plain web server standing in for every site on the web, scam or not. */
export async function startSiteServer(): Promise<SiteServer> {
  const served: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    served.push(host);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>${host}</title><h1>Welcome to ${host}</h1></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    served,
    url: (host, path = '/') => `http://${host}:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
