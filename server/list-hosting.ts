import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

export interface ListHostingOptions {
  listDir: string;
}

// Only plain file names with a known extension: no separators, no leading dot, so neither
// `..` nor an encoded slash can leave the folder.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(json|sgl)$/;
// A versioned file never changes once published: a new version gets a new name.
const VERSIONED = /^(snapshot-\d+|delta-\d+-\d+)\.sgl$/;

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  sgl: 'application/octet-stream',
};

/**
 * Versioned files never change: cache them for a year. The manifest changes with every
 * publish: browsers revalidate it every time (max-age=0, answered 304 while unchanged), and
 * a CDN in front may keep it 30 s (s-maxage), which is part of the publish-to-protection
 * budget in the README. A CDN must pass ETag / If-None-Match through unchanged.
 */
export function cacheControlFor(name: string): string {
  return VERSIONED.test(name)
    ? 'public, max-age=31536000, immutable'
    : `public, max-age=0, s-maxage=${MANIFEST_CDN_SECONDS}`;
}

export const MANIFEST_CDN_SECONDS = 30;

// ETags by file identity. Publishing replaces files by rename, so a new version is a new
// inode: each published file is hashed once, on its first request, not on every GET.
const ETAG_CACHE_MAX = 256;
const etags = new Map<string, string>();

function etagFor(identity: string, body: Buffer): string {
  let etag = etags.get(identity);
  if (etag === undefined) {
    etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    if (etags.size >= ETAG_CACHE_MAX) etags.clear();
    etags.set(identity, etag);
  }
  return etag;
}

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison, and `*` matches any file. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Serves the files of scripts/build-list under /list/. Each request opens the file afresh,
 * so a file republished while the service runs is served new at once; the body and the
 * strong ETag come from the same open file, so the ETag always describes exactly the body
 * sent. (@fastify/static is not used: its ETags are weak and built from size and mtime.)
 */
export async function listHosting(app: FastifyInstance, { listDir }: ListHostingOptions) {
  const root = resolve(listDir);

  app.get<{ Params: { '*': string } }>('/list/*', async (request, reply) => {
    const name = request.params['*'];
    const notFound = { error: 'not-found', reason: `no list file named ${JSON.stringify(name)}` };
    if (!SAFE_NAME.test(name) || name.includes('..')) return reply.code(404).send(notFound);
    let body: Buffer;
    let identity: string;
    try {
      const handle = await open(join(root, name), 'r');
      try {
        const info = await handle.stat();
        if (!info.isFile()) return reply.code(404).send(notFound);
        identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
        body = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return reply.code(404).send(notFound);
      throw error;
    }
    const etag = etagFor(identity, body);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    reply
      .header('ETag', etag)
      .header('Cache-Control', cacheControlFor(name))
      .header('X-Content-Type-Options', 'nosniff')
      // Public data: any origin may read it, and no credentials are involved.
      .header('Access-Control-Allow-Origin', '*');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type(CONTENT_TYPES[extension] ?? 'application/octet-stream').send(body);
  });
}
