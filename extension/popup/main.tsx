import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ResponseOf } from '../../shared/messages';
import { t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { Popup } from './popup';

/**
 * The tab the popup is about: the active tab, or `?tab=ID` when the popup is opened as a
 * page of its own (browser tests, screen readers that prefer a tab). The page is not
 * web-accessible, so only the extension itself can open it with that parameter.
 */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

function App() {
  const [state, setState] = useState<ResponseOf<'tab/status'> | null>(null);
  const [justBlocked, setJustBlocked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return;
    setState(await send('tab/status', { tabId }));
  }, []);

  const guarded = (action: () => Promise<void>) => () => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  useEffect(guarded(refresh), [refresh]);

  if (!state) return <main class="popup" aria-busy="true" />;
  return (
    <Popup
      tab={state.tab}
      protection={state.protection}
      justBlocked={justBlocked}
      error={error}
      onBlock={guarded(async () => {
        const { domain } = await send('personal/block', { tabId: state.tab.tabId });
        setJustBlocked(domain);
        await refresh();
      })}
      onUndo={(domain) =>
        guarded(async () => {
          await send('personal/unblock', { domain });
          setJustBlocked(null);
          await refresh();
        })()
      }
      onSettings={guarded(() => browser.runtime.openOptionsPage())}
    />
  );
}

document.title = t('popupTitle');
render(<App />, document.getElementById('app')!);
