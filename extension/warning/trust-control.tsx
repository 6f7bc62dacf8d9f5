import type { Verdict } from '../../shared/verdict';
import { t, type MessageKey } from '../ui/i18n';

/**
 * Whether to offer "I know this site — it is fine": for guesses only — look-alike and page
 * content (a list or
 * personal block is not the user's to overrule here), and never where "open anyway" is off.
 * The background checks the same again.
 */
export function trustOffered(verdict: Verdict, proceedAllowed: boolean): boolean {
  return proceedAllowed && (verdict.reason === 'lookalike' || verdict.reason === 'content');
}

/**
 * A deliberate two-step action like "open anyway", but remembered: the site is no longer
 * warned about for looking like another one, until undone in the settings.
 */
export function TrustControl({
  onTrust,
  explain = 'trustExplain',
}: {
  onTrust: () => void;
  explain?: MessageKey;
}) {
  return (
    <details class="proceed trust" data-testid="trust-control">
      <summary>{t('trustDisclosure')}</summary>
      <p>{t(explain)}</p>
      <button type="button" class="proceed__confirm" onClick={onTrust}>
        {t('trustConfirm')}
      </button>
    </details>
  );
}
