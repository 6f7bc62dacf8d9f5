import type { ProceedGrant } from '../../shared/family-messages';
import { inertText } from '../../shared/inert-text';
import { t } from '../ui/i18n';
import { ResetCountdown } from '../ui/reset-countdown';

export interface FamilyLinesProps {
  familyConfigured: boolean;
  /** A "Forgot the PIN?" waiting period running, shown with its plain warning. */
  resetEndsAt: number | null;
  /** "Proceed anyway" choices for this tab, each undoable. */
  grants: ProceedGrant[];
  onUndoProceed: (domain: string) => void;
}

/** The popup's family-mode lines: who set it up, and any "open anyway" to undo. */
export function FamilyLines(props: FamilyLinesProps) {
  const { familyConfigured, grants, onUndoProceed, resetEndsAt } = props;
  return (
    <>
      {resetEndsAt && <ResetCountdown endsAt={resetEndsAt} level={2} />}
      {grants.map((grant) => (
        <div class="proceeded" key={grant.domain} data-testid="proceeded">
          <p>{t('popupProceeded', inertText(grant.domain))}</p>
          <button type="button" onClick={() => onUndoProceed(grant.domain)}>
            {t('popupProceedUndo')}
          </button>
        </div>
      ))}
      {familyConfigured && (
        <p class="family-note" data-testid="family-note">
          {t('popupFamilyNote')}
        </p>
      )}
    </>
  );
}
