import type { ProceedGrant } from '../../shared/family-messages';
import { inertText } from '../../shared/inert-text';
import { t } from '../ui/i18n';

export interface FamilyLinesProps {
  familyConfigured: boolean;
  /** "Proceed anyway" choices for this tab, each undoable. */
  grants: ProceedGrant[];
  onUndoProceed: (domain: string) => void;
}

/** The popup's family-mode lines: who set it up, and any "open anyway" to undo. */
export function FamilyLines({ familyConfigured, grants, onUndoProceed }: FamilyLinesProps) {
  return (
    <>
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
