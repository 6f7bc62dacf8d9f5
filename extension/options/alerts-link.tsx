import { useEffect, useState } from 'preact/hooks';
import type { AlertLinkView } from '../../shared/alert-messages';
import { t, uiLanguage } from '../ui/i18n';
import { send } from '../ui/messaging';

/**
 * The protected browser's half of family alerts: type the code the relative's browser
 * shows, compare the check code, unpair. Pairing and unpairing need the PIN session once a
 * PIN is set (`token`); while the settings are locked only the state is shown.
 */
export function AlertsLink(props: {
  token?: string | undefined;
  locked: boolean;
  /** Inside the family setup, whose step already has this heading. */
  embedded?: boolean;
}) {
  const [link, setLink] = useState<AlertLinkView | null>(null);
  const [code, setCode] = useState('');
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send('alerts/status', {}).then(setLink, (e: unknown) => setError(String(e)));
  }, []);
  const act = async (work: () => Promise<AlertLinkView & { refused?: true }>) => {
    setError(null);
    try {
      const next = await work();
      setRefused(next.refused === true);
      setLink(next);
      if (!next.refused) setCode('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!link) return null;

  const pairing = (!link.paired || link.ended) && !props.locked && (
    <form
      class="alerts-pair"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => send('alerts/pair', { code, token: props.token }));
      }}
    >
      <div class="field">
        <label for="alerts-code">{t('alertsCodeLabel')}</label>
        <input
          id="alerts-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          aria-describedby="alerts-code-hint"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <p class="help" id="alerts-code-hint">
          {t('alertsCodeHint')}
        </p>
      </div>
      <div class="buttons">
        <button type="submit" class="primary">
          {t('alertsPair')}
        </button>
      </div>
    </form>
  );

  return (
    <section
      class="alerts-link"
      aria-labelledby={props.embedded ? 'setup-heading' : 'alerts-heading'}
      data-testid="alerts-link"
    >
      {!props.embedded && <h2 id="alerts-heading">{t('alertsHeading')}</h2>}
      <p>{t('alertsHelp')}</p>
      {refused && (
        <p class="error" role="alert">
          {t('alertsRefused')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {t('errorGeneric', error)}
        </p>
      )}
      {link.paired && link.ended && <p role="status">{t('alertsEnded')}</p>}
      {link.paired && !link.ended && (
        <>
          <p role="status">{t('alertsPaired')}</p>
          <p class="check-code" data-testid="alerts-check-code">
            {t('alertsCheckCode', link.checkCode ?? '')}
          </p>
          <p class="help">{t('alertsCheckCodeHelp')}</p>
          {link.pending > 0 && <p>{t('alertsPending', link.pending)}</p>}
          {link.lastSentAt !== null && (
            <p>{t('alertsLastSent', new Date(link.lastSentAt).toLocaleString(uiLanguage()))}</p>
          )}
          {link.forced ? (
            <p>{t('alertsForced')}</p>
          ) : (
            !props.locked && (
              <div class="buttons">
                <button
                  type="button"
                  onClick={() => void act(() => send('alerts/unpair', { token: props.token }))}
                >
                  {t('alertsUnpair')}
                </button>
              </div>
            )
          )}
        </>
      )}
      {pairing}
    </section>
  );
}
