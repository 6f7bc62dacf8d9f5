import type { FastifyReply, FastifyRequest } from 'fastify';

// Chrome and Edge use chrome-extension://<32 letters>, Firefox moz-extension://<uuid>.
const EXTENSION_ORIGIN =
  /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]+$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/**
 * CORS for the report endpoint: only extension pages may call it from a browser. Requests
 * without an Origin (curl, scripts) are not browser cross-origin calls and pass; a web
 * page's origin is refused outright, so no site can make its visitors file reports. No
 * credentials are ever allowed: reports carry no cookies.
 */
export async function cors(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const origin = request.headers.origin;
  reply.header('Vary', 'Origin');
  if (origin === undefined) return undefined;
  if (!isExtensionOrigin(origin)) {
    return reply.code(403).send({
      error: 'origin-not-allowed',
      reason: `reports are accepted from the browser extension only, not from ${origin}`,
    });
  }
  reply.header('Access-Control-Allow-Origin', origin);
  // Retry-After is not a CORS-safelisted header: without this the client cannot back off.
  reply.header('Access-Control-Expose-Headers', 'Retry-After');
  if (request.method === 'OPTIONS') {
    reply.header('Access-Control-Allow-Methods', 'POST');
    reply.header('Access-Control-Allow-Headers', 'Content-Type');
    reply.header('Access-Control-Max-Age', '86400');
  }
  return undefined;
}
