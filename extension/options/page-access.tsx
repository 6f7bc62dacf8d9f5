import { t } from '../ui/i18n';
import type { PageAccessState } from '../ui/use-page-access';
import { PageAccessOffer } from './page-access-offer';

/**
 * The settings page's page-access section. The browser asks for host permissions only from a
 * click on our own page, so this is where the user (or the family member setting it up) turns
 * it on. It cannot be turned off here while a PIN locks the settings (a caller must not talk
 * the user out of it) or while policy requires it.
 */
export function PageAccess(props: { access: PageAccessState; locked: boolean; required: boolean }) {
  const { access, locked, required } = props;
  if (access.granted === null) return null;
  return (
    <section class="page-access" aria-labelledby="page-access-heading" data-testid="page-access">
      <h2 id="page-access-heading">{t('contentAccessHeading')}</h2>
      {required && !access.granted && (
        <p class="page-access-required" data-testid="page-access-required">
          {t('contentAccessRequired')}
        </p>
      )}
      <PageAccessOffer />
      {access.granted && !locked && !required && (
        <button type="button" onClick={access.remove}>
          {t('contentAccessTurnOff')}
        </button>
      )}
    </section>
  );
}
