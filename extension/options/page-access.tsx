import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { PAGE_ORIGINS } from '../ui/page-origins';

/**
 * The opt-in for the content check. The browser asks for host permissions only from a click
 * on our own page, so this is where the user (or the family member setting it up) turns it
 * on, after reading what is read and that nothing leaves the device. While a PIN locks the
 * settings it cannot be turned off here: a caller must not talk the user out of it.
 */
export function PageAccess({ locked }: { locked: boolean }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const refresh = () =>
    void browser.permissions
      .contains({ origins: PAGE_ORIGINS })
      .then(setGranted, () => setGranted(false));
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  if (granted === null) return null;
  return (
    <section class="page-access" aria-labelledby="page-access-heading" data-testid="page-access">
      <h2 id="page-access-heading">{t('contentAccessHeading')}</h2>
      <p>{t('contentAccessExplain')}</p>
      <p role="status">{t(granted ? 'contentAccessOn' : 'contentAccessOff')}</p>
      {!granted && (
        <button
          type="button"
          class="primary"
          onClick={() =>
            void browser.permissions.request({ origins: PAGE_ORIGINS }).then(setGranted)
          }
        >
          {t('contentAccessAllow')}
        </button>
      )}
      {granted && !locked && (
        <button
          type="button"
          onClick={() => void browser.permissions.remove({ origins: PAGE_ORIGINS }).then(refresh)}
        >
          {t('contentAccessTurnOff')}
        </button>
      )}
    </section>
  );
}
