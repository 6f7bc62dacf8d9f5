import type { AlertProtocol } from '../../shared/alert-messages';
import { scheduleCheckIn } from './family-alerts';
import type { HandlerMap } from './message-handlers';
import { requireUnlocked } from './settings-lock';

type AlertHandlers = HandlerMap<keyof AlertProtocol>;

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
};

export const alertHandlers: AlertHandlers = {
  'alerts/status': (_payload, _sender, { alerts }) => alerts.link.status(),

  // Pairing and unpairing are family-mode changes: the PIN session, as for every other.
  async 'alerts/pair'({ code, token }, _sender, { alerts }) {
    await requireUnlocked(token);
    const result = await alerts.link.pair(text(code, 'code'));
    scheduleCheckIn(result.paired);
    return result;
  },

  async 'alerts/unpair'({ token }, _sender, { alerts }) {
    await requireUnlocked(token);
    const result = await alerts.link.unpair();
    scheduleCheckIn(result.paired);
    return result;
  },

  'watch/start': ({ name, phone }, _sender, { alerts }) =>
    alerts.watch.start(text(name, 'name'), text(phone, 'phone')),
  'watch/pending': (_payload, _sender, { alerts }) => alerts.watch.pending(),
  async 'watch/cancel'(_payload, _sender, { alerts }) {
    await alerts.watch.cancel();
    return { done: true };
  },
  'watch/list': (_payload, _sender, { alerts }) => alerts.watch.list(),
  'watch/remove': ({ channelId }, _sender, { alerts }) =>
    alerts.watch.remove(text(channelId, 'channelId')),
};
