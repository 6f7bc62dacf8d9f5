import { inertText } from '../../shared/inert-text';
import type { TrustedSite } from '../../shared/trust-messages';
import { t, uiLanguage } from '../ui/i18n';

export interface TrustedListProps {
  entries: TrustedSite[];
  /** While a PIN is set and not entered: the list is shown, but cannot be changed. */
  locked: boolean;
  onUndo: (domain: string) => void;
}

/** "Sites you marked as fine" on a look-alike warning, each with "Undo". */
export function TrustedList({ entries, locked, onUndo }: TrustedListProps) {
  return (
    <section aria-labelledby="trusted-heading">
      <h2 id="trusted-heading">{t('trustOptionsHeading')}</h2>
      {entries.length === 0 ? (
        <p>{t('trustOptionsEmpty')}</p>
      ) : (
        <>
          {locked && <p>{t('trustOptionsLocked')}</p>}
          <ul class="personal-list" data-testid="trusted-list">
            {entries.map((entry) => (
              <li key={entry.domain}>
                <span class="inert-url">{inertText(entry.domain)}</span>
                <time dateTime={new Date(entry.addedAt).toISOString()}>
                  {new Date(entry.addedAt).toLocaleDateString(uiLanguage())}
                </time>
                {!locked && (
                  <button
                    type="button"
                    aria-label={t('trustUndoNamed', entry.domain)}
                    onClick={() => onUndo(entry.domain)}
                  >
                    {t('trustUndo')}
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
