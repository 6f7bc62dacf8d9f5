import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SettingsView } from '../../shared/family-messages';
import type { PersonalEntry } from '../../shared/messages';
import type { TrustedSite } from '../../shared/trust-messages';
import { t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { applyPreferences, loadPreferences } from '../ui/page-preferences';
import { AlertsLink } from './alerts-link';
import { usePageAccess } from '../ui/use-page-access';
import type { FamilyActions } from './family-actions';
import { FamilySettings } from './family-settings';
import { FamilySetup } from './family-setup';
import { PageAccess } from './page-access';
import { PersonalList } from './personal-list';
import { PinGate } from './pin-gate';
import { TrustedList } from './trusted-list';
import { WatchOver } from './watch-over';

function App({ initial }: { initial: SettingsView | null }) {
  const [view, setView] = useState(initial);
  // The PIN session token: held in this page's memory only, gone when the page closes.
  const [token, setToken] = useState<string | undefined>(undefined);
  const [inSetup, setInSetup] = useState(false);
  const [entries, setEntries] = useState<PersonalEntry[]>([]);
  const [trusted, setTrusted] = useState<TrustedSite[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const access = usePageAccess();
  const refresh = useCallback(async () => {
    setEntries((await send('personal/list', {})).entries);
    setTrusted((await send('trust/list', {})).entries);
  }, []);
  const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  useEffect(() => void refresh().catch(report), [refresh]);

  const show = (next: SettingsView) => {
    applyPreferences(next);
    document.title = t('optionsTitle');
    setView(next);
  };
  // Every action shows its own failure; the rethrow stops a wizard step from moving on.
  const run = async <T,>(action: () => Promise<T>): Promise<T> => {
    setError(null);
    setStatus(null);
    try {
      return await action();
    } catch (e) {
      report(e);
      throw e;
    }
  };
  const actions: FamilyActions = {
    save: (changes) =>
      run(async () => {
        show(await send('settings/save', { changes, token }));
        setStatus(t('familySaved'));
      }),
    unlock: (pin) =>
      run(async () => {
        const result = await send('settings/unlock', { pin });
        if (result.unlocked) setToken(result.token);
        show(await send('settings/get', {}));
        return result;
      }),
    setPin: (pin) =>
      run(async () => {
        setToken((await send('settings/set-pin', { pin, token })).token ?? undefined);
        show(await send('settings/get', {}));
        setStatus(t('familySaved'));
      }),
    reset: () =>
      run(async () => {
        setToken(undefined);
        setInSetup(false);
        show(await send('settings/reset', {}));
      }),
  };

  const locked = view?.pinSet && !token;
  const required = view?.settings.requirePageAccess ?? false;
  // The family setup makes the same offer as one of its steps: not twice on one page.
  const pageAccess = !inSetup && (
    <PageAccess access={access} locked={!!locked} required={required} />
  );
  // What the family or administrator asked for and is not done yet comes first.
  const pageAccessFirst = required && access.granted === false;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p class="error" role="alert">
          {t('errorGeneric', error)}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {pageAccessFirst && pageAccess}
      {view &&
        (locked ? (
          <PinGate
            lockedUntil={view.lockedUntil}
            resetEndsAt={view.resetEndsAt}
            resetWaitHours={view.settings.resetWaitHours}
            actions={actions}
            onResetEnded={() => void send('settings/get', {}).then(show).catch(report)}
          />
        ) : inSetup ? (
          <FamilySetup
            view={view}
            actions={actions}
            token={token}
            onClose={() => setInSetup(false)}
          />
        ) : (
          <FamilySettings view={view} actions={actions} onStartSetup={() => setInSetup(true)} />
        ))}
      {!inSetup && <AlertsLink token={token} locked={!!locked} />}
      {!pageAccessFirst && pageAccess}
      <PersonalList
        entries={entries}
        locked={!!locked}
        onUnblock={(domain) =>
          void send('personal/unblock', { domain, token }).then(refresh).catch(report)
        }
      />
      <TrustedList
        entries={trusted}
        locked={!!locked}
        onUndo={(domain) =>
          void send('trust/remove', { domain, token }).then(refresh).catch(report)
        }
      />
      <WatchOver />
    </main>
  );
}

void loadPreferences().then((view) => {
  document.title = t('optionsTitle');
  render(<App initial={view} />, document.getElementById('app')!);
});
