import { inertText } from '../../shared/inert-text';
import type { PersonalEntry } from '../../shared/messages';
import { t, uiLanguage } from '../ui/i18n';

export function PersonalList(props: {
  entries: PersonalEntry[];
  /** While a PIN is set and not entered: the list is shown, but nothing can be unblocked. */
  locked: boolean;
  onUnblock: (domain: string) => void;
}) {
  return (
    <section aria-labelledby="personal-heading">
      <h2 id="personal-heading">{t('optionsPersonalHeading')}</h2>
      {props.entries.length === 0 ? (
        <p>{t('optionsPersonalEmpty')}</p>
      ) : (
        <>
          {props.locked && <p>{t('personalLocked')}</p>}
          <ul class="personal-list">
            {props.entries.map((entry) => (
              <li key={entry.domain}>
                <span class="inert-url">{inertText(entry.domain)}</span>
                <time dateTime={new Date(entry.addedAt).toISOString()}>
                  {new Date(entry.addedAt).toLocaleDateString(uiLanguage())}
                </time>
                {!props.locked && (
                  <button
                    type="button"
                    aria-label={t('unblockNamed', entry.domain)}
                    onClick={() => props.onUnblock(entry.domain)}
                  >
                    {t('unblock')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
