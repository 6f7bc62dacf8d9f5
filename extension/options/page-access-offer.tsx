import { t } from '../ui/i18n';
import { usePageAccess } from '../ui/use-page-access';

/**
 * The offer to switch page checking on, wherever it is made (first run, the family setup,
 * the settings page): what is read, that it stays on the device, whether it is on, and the
 * one button that asks the browser. The caller gives the heading.
 */
export function PageAccessOffer() {
  const { granted, request } = usePageAccess();
  if (granted === null) return null;
  return (
    <div class="page-access-offer" data-testid="page-access-offer">
      <p>{t('contentAccessExplain')}</p>
      <p role="status">{t(granted ? 'contentAccessOn' : 'contentAccessOff')}</p>
      {!granted && (
        <button type="button" class="primary" onClick={request}>
          {t('contentAccessAllow')}
        </button>
      )}
    </div>
  );
}
