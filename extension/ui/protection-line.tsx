import type { ProtectionStatus } from '../../shared/messages';
import { t, uiLanguage, type MessageKey } from './i18n';

const DAY_MS = 24 * 60 * 60 * 1000;

const UPDATE_ERRORS: Record<string, MessageKey> = {
  network: 'updateErrorNetwork',
  server: 'updateErrorServer',
  'bad-manifest': 'updateErrorBadManifest',
  'bad-signature': 'updateErrorBadSignature',
  'bad-checksum': 'updateErrorBadChecksum',
  truncated: 'updateErrorTruncated',
  'older-version': 'updateErrorOlderVersion',
  quota: 'updateErrorQuota',
};

function ListState({ status, now }: { status: ProtectionStatus; now: number }) {
  if (status.state === 'unprotected' || status.listBuiltAt === null) {
    return <p class="protection protection--off">{t('statusUnprotected')}</p>;
  }
  if (status.state === 'stale') {
    const days = Math.floor((now - status.listBuiltAt) / DAY_MS);
    return <p class="protection protection--stale">{t('statusStale', days)}</p>;
  }
  const date = new Date(status.listBuiltAt).toLocaleDateString(uiLanguage(), {
    dateStyle: 'medium',
  });
  const count = status.entryCount.toLocaleString(uiLanguage());
  return <p class="protection">{t('statusProtected', date, count)}</p>;
}

/** "Protected…", "list is N days old" or "not protected", and how the last update went. */
export function ProtectionLine({
  status,
  now = Date.now(),
}: {
  status: ProtectionStatus;
  now?: number;
}) {
  const error = status.updateError ? UPDATE_ERRORS[status.updateError] : undefined;
  return (
    <div data-testid="protection">
      <ListState status={status} now={now} />
      {status.updateError && (
        <p class="protection protection--error" role="status" data-testid="update-error">
          {t('updateFailed', t(error ?? 'updateErrorServer'))}
        </p>
      )}
      {status.lastCheckedAt !== null && !status.updateError && (
        <p class="protection">
          {t(
            'lastChecked',
            new Date(status.lastCheckedAt).toLocaleString(uiLanguage(), {
              dateStyle: 'short',
              timeStyle: 'short',
            }),
          )}
        </p>
      )}
    </div>
  );
}
