import { PageAccessOffer } from '../options/page-access-offer';
import { t } from '../ui/i18n';

/**
 * The first-run page: what Scam Guard does, in plain words, and the offer to switch page
 * checking on. Page access is asked for from the offer's button (the browser wants a click);
 * "Not now" closes the tab and changes nothing.
 */
export function WelcomePage(props: { onClose: () => void; optionsUrl: string }) {
  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhat')}</p>
      <p>{t('welcomeNothingToDo')}</p>
      <section aria-labelledby="welcome-page-access">
        <h2 id="welcome-page-access">{t('contentAccessHeading')}</h2>
        <PageAccessOffer />
        <p>{t('welcomeLater')}</p>
        <div class="buttons">
          <button type="button" onClick={props.onClose}>
            {t('welcomeNotNow')}
          </button>
        </div>
      </section>
      <p>
        {t('welcomeFamilyQuestion')} <a href={props.optionsUrl}>{t('welcomeFamilyLink')}</a>
      </p>
    </main>
  );
}
