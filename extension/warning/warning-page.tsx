import { inertText, readableUrl } from '../../shared/inert-text';
import type { BlockedPage } from '../../shared/messages';
import { categoryName, t } from '../ui/i18n';

export interface WarningPageProps {
  page: BlockedPage;
  onBack: () => void;
}

function Reason({ page }: { page: BlockedPage }) {
  const { verdict } = page;
  if (verdict.reason === 'personal-blocklist') return <p>{t('warningReasonPersonal')}</p>;
  if (verdict.lookalike) {
    return (
      <p>
        {t('warningReasonLookalike', verdict.lookalike.brandName, verdict.lookalike.brandDomain)}
      </p>
    );
  }
  return <p>{t('warningReasonList')}</p>;
}

/** The full-page warning. Everything from the blocked page is shown as text, never markup. */
export function WarningPage({ page, onBack }: WarningPageProps) {
  const { verdict } = page;
  const suspicious = verdict.level === 'suspicious';
  return (
    <main class={`warning ${suspicious ? 'warning--suspicious' : ''}`}>
      <h1>{t(suspicious ? 'warningSuspiciousHeadline' : 'warningHeadline')}</h1>
      <p class="site-label">{t('warningSiteLabel')}</p>
      <p class="site inert-url" data-testid="blocked-host">
        {inertText(verdict.host)}
      </p>
      <Reason page={page} />
      {verdict.category && <p class="category">{categoryName(verdict.category)}</p>}
      <button type="button" class="primary back" onClick={onBack} autoFocus>
        {t('warningBack')}
      </button>
      <details class="details">
        <summary>{t('warningDetails')}</summary>
        <dl>
          <dt>{t('detailsAddress')}</dt>
          <dd class="inert-url" data-testid="blocked-url">
            {readableUrl(verdict.url)}
          </dd>
          {verdict.matched && (
            <>
              <dt>{t('detailsRule')}</dt>
              <dd class="inert-url">{inertText(verdict.matched)}</dd>
            </>
          )}
          {verdict.listVersion !== undefined && (
            <>
              <dt>{t('detailsListVersion')}</dt>
              <dd>{verdict.listVersion}</dd>
            </>
          )}
        </dl>
      </details>
    </main>
  );
}
