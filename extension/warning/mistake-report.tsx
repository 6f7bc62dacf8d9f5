import { t } from '../ui/i18n';

export interface MistakeReportProps {
  sent: boolean;
  busy: boolean;
  onReport: () => void;
}

/** "This site is safe": reports a false positive for review; it unblocks nothing by itself. */
export function MistakeReport({ sent, busy, onReport }: MistakeReportProps) {
  if (sent) {
    return (
      <p class="mistake-report" role="status" data-testid="mistake-reported">
        {t('reportMistakeDone')}
      </p>
    );
  }
  return (
    <button type="button" class="link mistake-report" onClick={onReport} disabled={busy}>
      {t('reportMistake')}
    </button>
  );
}
