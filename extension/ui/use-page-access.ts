import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PAGE_ORIGINS } from './page-origins';

export interface PageAccessState {
  /** null until the browser has answered. */
  granted: boolean | null;
  /** Asks the browser for page access; must run in a click handler (a user gesture). */
  request: () => void;
  remove: () => void;
}

/**
 * Whether page access is granted, kept current however it changes (this page, another
 * extension page, the browser's own extension settings).
 */
export function usePageAccess(): PageAccessState {
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
  return {
    granted,
    // A refused prompt, or one the browser could not show, leaves access off: shown as off.
    request: () =>
      void browser.permissions.request({ origins: PAGE_ORIGINS }).then(setGranted, refresh),
    remove: () => void browser.permissions.remove({ origins: PAGE_ORIGINS }).then(refresh, refresh),
  };
}
