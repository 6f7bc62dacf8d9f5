import { t } from '../ui/i18n';
import { usePageAccess } from '../ui/use-page-access';

/**
 * While policy requires page checking and it is off: protection is incomplete, and the user
 * is asked, with the button that asks the browser (a click in the popup is a user gesture).
 */
export function PageAccessRequest() {
  const { granted, request } = usePageAccess();
  if (granted !== false) return null;
  return (
    <section class="page-access-request" role="status" data-testid="page-access-request">
      <p class="page-access-request__state">{t('contentAccessIncomplete')}</p>
      <p>{t('contentAccessRequired')}</p>
      <button type="button" class="primary" onClick={request}>
        {t('contentAccessAllow')}
      </button>
    </section>
  );
}
