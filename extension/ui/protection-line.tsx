import type { ProtectionStatus } from '../../shared/messages';
import { t, uiLanguage } from './i18n';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Protected…", "list is N days old" or "not protected", in plain words. */
export function ProtectionLine({
  status,
  now = Date.now(),
}: {
  status: ProtectionStatus;
  now?: number;
}) {
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
