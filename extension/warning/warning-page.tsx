import type { ComponentChildren } from 'preact';
import { inertText, readableUrl } from '../../shared/inert-text';
import type { BlockedPage } from '../../shared/messages';
import type { LookalikeFinding } from '../../shared/verdict';
import { categoryName, t, uiLanguage } from '../ui/i18n';
import { categoryAdvice } from './category-advice';
import { contentReason } from './content-reason';
import { FamilyCall } from './family-call';
import { ProceedControl } from './proceed-control';

export interface WarningPageProps {
  page: BlockedPage;
  contactName: string;
  contactPhone: string;
  /** The anti-fraud hotline for the page's language; empty for none. */
  hotline: string;
  proceedAllowed: boolean;
  error: string | null;
  onBack: () => void;
  onProceed: () => void;
  /** "This site is safe — report a mistake" (see mistake-report.tsx). */
  mistakeReport?: ComponentChildren;
  /** "I know this site — it is fine", where offered (see trust-control.tsx). */
  trustControl?: ComponentChildren;
}

/** The brand as the reader knows it: its Chinese name in a Chinese UI, where it has one. */
function brandName(lookalike: LookalikeFinding): string {
  return uiLanguage().startsWith('zh') && lookalike.brandNameZh
    ? lookalike.brandNameZh
    : lookalike.brandName;
}

function Reason({ page }: { page: BlockedPage }) {
  const { verdict } = page;
  if (verdict.reason === 'personal-blocklist') return <p>{t('warningReasonPersonal')}</p>;
  if (verdict.content)
    return <p data-testid="content-reason">{t(contentReason(verdict.content.scenario))}</p>;
  if (verdict.lookalike) {
    return (
      <p>
        {t('warningReasonLookalike', brandName(verdict.lookalike), verdict.lookalike.brandDomain)}
      </p>
    );
  }
  return <p>{t('warningReasonList')}</p>;
}

/** The brand's own site, offered instead of its look-alike; only for a plain host name. */
function RealAddress({ lookalike }: { lookalike: LookalikeFinding }) {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(lookalike.brandDomain)) return null;
  return (
    <p class="real-address">
      {t('warningRealAddress', brandName(lookalike))}{' '}
      <a href={`https://${lookalike.brandDomain}/`} data-testid="real-address">
        {lookalike.brandDomain}
      </a>
    </p>
  );
}

/** The full-page warning. Everything from the blocked page is shown as text, never markup. */
export function WarningPage(props: WarningPageProps) {
  const { verdict } = props.page;
  const suspicious = verdict.level === 'suspicious';
  const advice = categoryAdvice(verdict);
  return (
    <main class={`warning ${suspicious ? 'warning--suspicious' : 'warning--dangerous'}`}>
      <h1>{t(suspicious ? 'warningSuspiciousHeadline' : 'warningHeadline')}</h1>
      <p class="site-label">{t('warningSiteLabel')}</p>
      <p class="site inert-url" data-testid="blocked-host">
        {inertText(verdict.host)}
      </p>

      <section class="why" aria-labelledby="why-heading">
        <h2 id="why-heading">
          {t(suspicious ? 'warningWhySuspiciousHeading' : 'warningWhyHeading')}
        </h2>
        {verdict.category && (
          <p class="category" data-testid="category">
            {categoryName(verdict.category)}
          </p>
        )}
        <Reason page={props.page} />
        {advice.why && <p data-testid="why">{t(advice.why)}</p>}
        <p class="remember" data-testid="remember">
          <strong>{t('warningRememberLabel')}</strong> {t(advice.remember)}
        </p>
        {verdict.lookalike && <RealAddress lookalike={verdict.lookalike} />}
      </section>

      <button type="button" class="primary back" onClick={props.onBack} autoFocus>
        {t('warningBack')}
      </button>

      <FamilyCall
        contactName={props.contactName}
        contactPhone={props.contactPhone}
        hotline={props.hotline}
      />

      {props.error && (
        <p class="error" role="alert">
          {t('errorGeneric', props.error)}
        </p>
      )}
      {props.proceedAllowed && <ProceedControl onProceed={props.onProceed} />}
      {props.trustControl}
      {props.mistakeReport}

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
