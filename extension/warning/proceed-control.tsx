import { t } from '../ui/i18n';

/**
 * "Open anyway", deliberately two steps away: first a small disclosure the user has to open,
 * then a button that is clearly not the main one. Not rendered at all in strict mode.
 */
export function ProceedControl({ onProceed }: { onProceed: () => void }) {
  return (
    <details class="proceed">
      <summary>{t('warningProceedDisclosure')}</summary>
      <p>{t('warningProceedExplain')}</p>
      <button type="button" class="proceed__confirm" onClick={onProceed}>
        {t('warningProceedConfirm')}
      </button>
    </details>
  );
}
