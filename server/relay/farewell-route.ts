import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../rate-limiter';
import { sendFarewellPage } from './farewell-page';
import { BOX, CHANNEL_ID, overLimit, RELAY_LIMITS } from './relay-limits';
import type { RelayStore } from './relay-store';

export const FAREWELL_PATH = '/v1/relay/channels/:channelId/farewell';

export interface FarewellOptions {
  store: RelayStore;
  now: () => number;
  /** The messages route's per-channel limiter: a farewell is one more message. */
  perChannel: RateLimiter;
}

/**
 * GET /v1/relay/channels/:channelId/farewell?box=… is the extension's uninstall URL
 * (`runtime.setUninstallURL`): the browser opens it after Scam Guard was removed, and the
 * box sealed beforehand goes to the family like any alert. A reload or a visit from the
 * history posts it again, and it is stored again; the watcher drops repeats by the id
 * sealed inside. Browsers cap the whole address at 1023 characters, so the extension's box
 * must stay well under BOX's maximum. The answer is always a page, never JSON: a person
 * reads it.
 */
export function farewellRoute(app: FastifyInstance, options: FarewellOptions) {
  const { store, now, perChannel } = options;
  app.get<{ Params: { channelId: string }; Querystring: Record<string, unknown> }>(
    FAREWELL_PATH,
    {
      // A HEAD (a link checker, a prefetch) must not post the box.
      exposeHeadRoute: false,
      errorHandler(error, request, reply) {
        request.log.error({ err: error }, 'farewell failed');
        return sendFarewellPage(reply, 500, 'removed');
      },
    },
    async (request, reply) => {
      const { channelId } = request.params;
      const { box, ...rest } = request.query;
      const valid =
        CHANNEL_ID.test(channelId) &&
        typeof box === 'string' &&
        BOX.test(box) &&
        Object.keys(rest).length === 0;
      if (!valid) return sendFarewellPage(reply, 400, 'invalid');
      if (!(await store.channelExists(channelId))) {
        return sendFarewellPage(reply, 404, 'removed');
      }
      const wait = await overLimit(perChannel, channelId);
      if (wait !== null) {
        return sendFarewellPage(reply.header('Retry-After', String(wait)), 429, 'removed');
      }
      const posted = await store.postMessage(
        channelId,
        box,
        now() + RELAY_LIMITS.maxTtlSeconds * 1000,
      );
      // Unpaired between the check and the insert.
      if (posted === null) return sendFarewellPage(reply, 404, 'removed');
      return sendFarewellPage(reply, 200, 'told');
    },
  );
}
