import type { SettingsView } from '../../shared/family-messages';
import { setLanguage } from './i18n';
import { send } from './messaging';

/** Language and text size, applied to the document before anything is rendered. */
export function applyPreferences(view: SettingsView | null): void {
  setLanguage(view?.settings.language ?? 'auto');
  document.documentElement.classList.toggle('large-text', view?.settings.largeText ?? false);
}

/**
 * The settings every page starts from. A page that cannot reach the background still renders,
 * in the browser's language, rather than showing nothing.
 */
export async function loadPreferences(): Promise<SettingsView | null> {
  const view = await send('settings/get', {}).catch(() => null);
  applyPreferences(view);
  return view;
}
