import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PersonalEntry } from '../../shared/messages';
import { t } from '../ui/i18n';
import { send } from '../ui/messaging';
import { PersonalList } from './personal-list';

function App() {
  const [entries, setEntries] = useState<PersonalEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    async () => setEntries((await send('personal/list', {})).entries),
    [],
  );
  const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  useEffect(() => void refresh().catch(report), [refresh]);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p class="error" role="alert">
          {t('errorGeneric', error)}
        </p>
      )}
      <PersonalList
        entries={entries}
        onUnblock={(domain) =>
          void send('personal/unblock', { domain }).then(refresh).catch(report)
        }
      />
    </main>
  );
}

document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
