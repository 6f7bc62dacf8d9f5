import type { ComponentChildren } from 'preact';
import type { TabStatus, ProtectionStatus } from '../../shared/messages';
import { inertText } from '../../shared/inert-text';
import type { Verdict } from '../../shared/verdict';
import { categoryName, t, type MessageKey } from '../ui/i18n';
import { ProtectionLine } from '../ui/protection-line';

export interface PopupProps {
  tab: TabStatus;
  protection: ProtectionStatus;
  /** The domain the user blocked from this popup just now, for the undo offer. */
  justBlocked: string | null;
  error: string | null;
  onBlock: () => void;
  onUndo: (domain: string) => void;
  onSettings: () => void;
  onUpdateNow: () => void;
  updating: boolean;
  /** A manual update just finished (successfully or not: the protection line says which). */
  updated: boolean;
  /** Family-mode lines (see family-lines.tsx). */
  family?: ComponentChildren;
  /** "Report this page" (see report-panel.tsx). */
  report?: ComponentChildren;
  /** Policy asks for page checking that is off (see page-access-request.tsx). */
  pageAccess?: ComponentChildren;
}

function verdictKey(verdict: Verdict | null): MessageKey {
  if (!verdict) return 'verdictUnknown';
  if (verdict.reason === 'not-web') return 'verdictNotWeb';
  if (verdict.level === 'dangerous') return 'verdictDangerous';
  if (verdict.level === 'suspicious') return 'verdictSuspicious';
  if (verdict.level === 'unchecked') return 'verdictUnchecked';
  return verdict.reason === 'allowlist' ? 'verdictAllowlisted' : 'verdictSafe';
}

export function Popup(props: PopupProps) {
  const { tab, protection, justBlocked } = props;
  const level = tab.personalBlock ? 'dangerous' : (tab.verdict?.level ?? 'unknown');
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <section class={`verdict verdict--${level}`} aria-live="polite">
        <p class="verdict__text" data-testid="verdict">
          {t(tab.personalBlock ? 'verdictDangerous' : verdictKey(tab.verdict))}
        </p>
        {tab.verdict?.host && <p class="verdict__host inert-url">{inertText(tab.verdict.host)}</p>}
        {tab.verdict?.category && tab.verdict.level !== 'safe' && (
          <p class="verdict__category">{categoryName(tab.verdict.category)}</p>
        )}
      </section>
      {props.pageAccess}

      {tab.personalBlock ? (
        <div class="blocked" role="status">
          <p>{t('blockedByYou', tab.personalBlock)}</p>
          {justBlocked === tab.personalBlock && (
            <button type="button" onClick={() => props.onUndo(tab.personalBlock!)}>
              {t('undo')}
            </button>
          )}
        </div>
      ) : (
        tab.blockableDomain && (
          <div class="actions">
            <button type="button" class="danger" onClick={props.onBlock}>
              {t('blockSite')}
            </button>
            <p class="hint">{t('blockSiteHint', tab.blockableDomain)}</p>
          </div>
        )
      )}

      {props.report}
      {props.family}
      {props.error && (
        <p class="error" role="alert">
          {t('errorGeneric', props.error)}
        </p>
      )}
      <footer>
        <ProtectionLine status={protection} />
        <p class="visually-hidden" role="status" data-testid="update-finished">
          {props.updated ? t('updateFinished') : ''}
        </p>
        <div class="footer-actions">
          <button
            type="button"
            data-testid="update-now"
            onClick={props.onUpdateNow}
            disabled={props.updating}
          >
            {t(props.updating ? 'updating' : 'updateNow')}
          </button>
          <button type="button" class="link" onClick={props.onSettings}>
            {t('openSettings')}
          </button>
        </div>
      </footer>
    </main>
  );
}
