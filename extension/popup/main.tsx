import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ProceedGrant, SettingsView } from '../../shared/family-messages';
import type { ResponseOf } from '../../shared/messages';
import { t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { loadPreferences } from '../ui/page-preferences';
import { FamilyLines } from './family-lines';
import { PageAccessRequest } from './page-access-request';
import { PinPrompt, type PinAction } from './pin-prompt';
import { Popup } from './popup';
import { ReportPanel } from './report-panel';
import useReport from './use-report';

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

// How the background refuses a change that needs the PIN session (settings-lock.ts).
const NEEDS_PIN = /enter the PIN first/;

function App({ view }: { view: SettingsView | null }) {
  const [grants, setGrants] = useState<ProceedGrant[]>([]);
  const [state, setState] = useState<ResponseOf<'tab/status'> | null>(null);
  const [justBlocked, setJustBlocked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updating, setUpdating] = useState(false);
  const [updated, setUpdated] = useState(false);

  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return;
    setState(await send('tab/status', { tabId }));
    setGrants((await send('proceed/list', { tabId })).grants);
  }, []);

  const guarded = (action: () => Promise<void>) => () => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  // The family's PIN session, held in this popup's memory only, and the change waiting for it.
  const [token, setToken] = useState<string | undefined>(undefined);
  const [waiting, setWaiting] = useState<{ run: PinAction } | null>(null);

  /** A family-mode change: when the background asks for the PIN, ask for it, then go on. */
  const withPin = (action: PinAction) =>
    guarded(async () => {
      try {
        await action(token);
      } catch (e) {
        if (!(e instanceof Error) || !NEEDS_PIN.test(e.message)) throw e;
        setToken(undefined);
        setWaiting({ run: action });
      }
    });

  useEffect(guarded(refresh), [refresh]);
  const report = useReport(state?.tab.tabId ?? null, guarded, refresh, withPin);

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
        withPin(async (pinToken) => {
          await send('personal/unblock', { domain, token: pinToken });
          setJustBlocked(null);
          await refresh();
        })()
      }
      onSettings={guarded(() => browser.runtime.openOptionsPage())}
      pageAccess={view?.settings.requirePageAccess && <PageAccessRequest />}
      updating={updating}
      updated={updated}
      onUpdateNow={guarded(async () => {
        setUpdating(true);
        setUpdated(false);
        try {
          const protection = await send('list/update-now', {});
          setState({ ...state, protection });
          setUpdated(true);
        } finally {
          setUpdating(false);
        }
      })}
      report={
        state.tab.blockableDomain &&
        (!state.tab.personalBlock || !['idle', 'preview'].includes(report.stage)) && (
          <ReportPanel domain={state.tab.blockableDomain} {...report} />
        )
      }
      family={
        <>
          {waiting && (
            <PinPrompt
              onCancel={() => setWaiting(null)}
              onPin={async (pin) => {
                const result = await send('settings/unlock', { pin });
                if (result.unlocked) {
                  setToken(result.token);
                  setWaiting(null);
                  guarded(() => waiting.run(result.token))();
                }
                return result;
              }}
            />
          )}
          <FamilyLines
            familyConfigured={view?.familyConfigured ?? false}
            resetEndsAt={view?.resetEndsAt ?? null}
            grants={grants}
            onUndoProceed={(domain) =>
              withPin(async (pinToken) => {
                await send('proceed/undo', { tabId: state.tab.tabId, domain, token: pinToken });
                await refresh();
              })()
            }
          />
        </>
      }
    />
  );
}

// Language and text size first, so the first render is already in the right ones.
void loadPreferences().then((view) => {
  document.title = t('popupTitle');
  render(<App view={view} />, document.getElementById('app')!);
});
