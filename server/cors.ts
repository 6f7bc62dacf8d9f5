import type { FastifyReply, FastifyRequest } from 'fastify';

// Chrome and Edge use chrome-extension://<32 letters>, Firefox moz-extension://<uuid>.
const EXTENSION_ORIGIN =
  /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]+$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/**
 * CORS for the service's JSON endpoints (reports, the relay): only extension pages may call
 * them from a browser. Requests without an Origin (curl, scripts, an extension's service
 * worker with host permission) are not browser cross-origin calls and pass; a web page's
 * origin is refused outright, so no site can make its visitors file reports or touch a
 * relay channel. No credentials are ever allowed: nothing here uses cookies.
 * `methods` is what a preflight may ask for.
 */
export function corsFor(methods: readonly string[]) {
  const allowMethods = methods.join(', ');
  return async function cors(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const origin = request.headers.origin;
    reply.header('Vary', 'Origin');
    if (origin === undefined) return undefined;
    if (!isExtensionOrigin(origin)) {
      return reply.code(403).send({
        error: 'origin-not-allowed',
        reason: `this service answers the browser extension only, not ${origin}`,
      });
    }
    reply.header('Access-Control-Allow-Origin', origin);
    // Retry-After is not a CORS-safelisted header: without this the client cannot back off.
    reply.header('Access-Control-Expose-Headers', 'Retry-After');
    if (request.method === 'OPTIONS') {
      reply.header('Access-Control-Allow-Methods', allowMethods);
      reply.header('Access-Control-Allow-Headers', 'Content-Type');
      reply.header('Access-Control-Max-Age', '86400');
    }
    return undefined;
  };
}
