import { checkChromiumStore, managedEntries } from './managed-entries';
import type { ManagedValues } from './policy-target';

/**
 * The policy file Chrome, Chromium and Edge read on Linux from their `policies/managed`
 * folder: force-install from the store, and the extension's own policy under `3rdparty`
 * (what `storage.managed` then returns).
 */
export function chromiumPolicyJson(
  store: { id: string; updateUrl: string },
  settings: ManagedValues,
): string {
  checkChromiumStore(store);
  const policy = {
    ExtensionInstallForcelist: [`${store.id};${store.updateUrl}`],
    '3rdparty': { extensions: { [store.id]: Object.fromEntries(managedEntries(settings)) } },
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
