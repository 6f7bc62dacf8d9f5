import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PendingWatch, ReceivedAlert, WatchView } from '../../shared/alert-messages';
import { telHref } from '../../shared/settings';
import { alertText } from '../ui/alert-text';
import { t, uiLanguage } from '../ui/i18n';
import { send } from '../ui/messaging';

const PENDING_CHECK_MS = 2000;
const when = (at: number) => new Date(at).toLocaleString(uiLanguage());

function CallLink({ watch }: { watch: WatchView }) {
  if (!watch.phone) return null;
  return (
    <a class="call" href={telHref(watch.phone)}>
      {t('alertCall', watch.name)}
    </a>
  );
}

/**
 * The relative's half of family alerts: a one-time code for the person's browser, the
 * browsers paired that way, and what they sent. The worker fetches and notifies; this page
 * only shows, and refreshes whenever the worker stores something new.
 */
export function WatchOver() {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [pending, setPending] = useState<PendingWatch | null>(null);
  const [justPaired, setJustPaired] = useState<WatchView | null>(null);
  const [expired, setExpired] = useState(false);
  const [watches, setWatches] = useState<WatchView[]>([]);
  const [alerts, setAlerts] = useState<ReceivedAlert[]>([]);
  const [error, setError] = useState<string | null>(null);
  const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const showList = (list: { watches: WatchView[]; alerts: ReceivedAlert[] }) => {
    setWatches(list.watches);
    setAlerts(list.alerts);
  };
  const refresh = () => void send('watch/list', {}).then(showList, report);

  useEffect(() => {
    refresh();
    void send('watch/pending', {}).then((state) => setPending(state.pending), report);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'familyWatch' in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // While a code waits, ask every few seconds whether it was used, so both screens show
  // the check code at the same moment.
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(() => {
      void send('watch/pending', {}).then((state) => {
        if (state.paired) setJustPaired(state.paired);
        else if (!state.pending) setExpired(true);
        setPending(state.pending);
      }, report);
    }, PENDING_CHECK_MS);
    return () => clearInterval(timer);
  }, [pending]);

  const nameOf = (channelId: string) => watches.find((w) => w.channelId === channelId);

  return (
    <section class="watch-over" id="watch" aria-labelledby="watch-heading" data-testid="watch-over">
      <h2 id="watch-heading">{t('watchHeading')}</h2>
      <p>{t('watchHelp')}</p>
      {error && (
        <p class="error" role="alert">
          {t('errorGeneric', error)}
        </p>
      )}
      {pending ? (
        <div class="watch-pending">
          <p class="pairing-code" data-testid="watch-code">
            {t('watchCode', `${pending.code.slice(0, 4)} ${pending.code.slice(4)}`)}
          </p>
          <p class="help">{t('watchCodeHelp')}</p>
          <p role="status">{t('watchWaiting')}</p>
          <button
            type="button"
            onClick={() => void send('watch/cancel', {}).then(() => setPending(null), report)}
          >
            {t('watchCancel')}
          </button>
        </div>
      ) : (
        <form
          class="watch-start"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            setExpired(false);
            setJustPaired(null);
            void send('watch/start', { name, phone }).then(setPending, report);
          }}
        >
          <div class="field">
            <label for="watch-name">{t('watchName')}</label>
            <input
              id="watch-name"
              required
              maxLength={60}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="watch-phone">{t('watchPhone')}</label>
            <input
              id="watch-phone"
              type="tel"
              maxLength={24}
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </div>
          <div class="buttons">
            <button type="submit" class="primary">
              {t('watchStart')}
            </button>
          </div>
        </form>
      )}
      {expired && <p role="status">{t('watchExpired')}</p>}
      {justPaired && (
        <div role="status" data-testid="watch-paired">
          <p>{t('watchPairedWith', justPaired.name)}</p>
          <p class="check-code">{t('alertsCheckCode', justPaired.checkCode)}</p>
          <p class="help">{t('watchCheckCodeHelp')}</p>
        </div>
      )}

      {watches.length > 0 && (
        <>
          <h3>{t('watchPeople')}</h3>
          <ul class="watch-list">
            {watches.map((watch) => (
              <li key={watch.channelId}>
                <strong>{watch.name}</strong> · {t('alertsCheckCode', watch.checkCode)}
                <br />
                {watch.ended
                  ? t('watchStopped')
                  : watch.lastHeardAt
                    ? t('watchLastHeard', when(watch.lastHeardAt))
                    : t('watchNeverHeard')}{' '}
                <CallLink watch={watch} />{' '}
                <button
                  type="button"
                  onClick={() =>
                    void send('watch/remove', { channelId: watch.channelId }).then(showList, report)
                  }
                >
                  {t('watchRemove')}
                </button>
              </li>
            ))}
          </ul>
          <h3>{t('watchAlerts')}</h3>
          {alerts.length === 0 ? (
            <p>{t('watchNoAlerts')}</p>
          ) : (
            <ul class="alert-list" data-testid="watch-alerts">
              {alerts.map(({ channelId, alert }) => {
                const watch = nameOf(channelId);
                return (
                  <li key={alert.id}>
                    <strong>{watch?.name}</strong> · {when(alert.at)}
                    <br />
                    {alertText(alert)} {watch && <CallLink watch={watch} />}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
