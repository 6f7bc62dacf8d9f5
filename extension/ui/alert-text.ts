import type { FamilyAlert } from '../../shared/family-alerts';
import { categoryName, t } from './i18n';

/** The words of one alert, as the relative's notification and list of alerts show them. */
export function alertText(alert: FamilyAlert): string {
  const host = alert.host ?? t('alertSomeSite');
  const sentence = {
    warning: () => t('alertWarning', host),
    proceed: () => t('alertProceed', host),
    report: () => t('alertReport', host),
    reset: () => t('alertReset'),
    removed: () => t('alertRemoved'),
    'check-in': () => '',
  }[alert.kind]();
  return alert.category ? `${sentence} ${t('alertKind', categoryName(alert.category))}` : sentence;
}
