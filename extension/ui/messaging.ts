import browser from 'webextension-polyfill';
import type { MessageName, Reply, RequestOf, ResponseOf } from '../../shared/messages';

/** The pages' one way to talk to the background, typed by the shared protocol. */
export async function send<K extends MessageName>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as
    Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error(`no answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
