import { managedEntries } from './managed-entries';
import type { ManagedValues } from './policy-target';

/**
 * Firefox's policies.json, which Firefox reads on Windows, macOS and Linux alike (from the
 * `distribution` folder of its installation, and on Linux also /etc/firefox/policies): the
 * simplest documented route, one file for every system. `ExtensionSettings` force-installs
 * the add-on from addons.mozilla.org and keeps it from being removed or turned off;
 * `3rdparty.Extensions` is what `storage.managed` returns.
 */
export function firefoxPolicies(
  addon: { id: string; installUrl: string },
  settings: ManagedValues,
): string {
  if (!/^https:\/\/\S+$/.test(addon.installUrl))
    throw new Error(`not an https install URL: ${addon.installUrl}`);
  const policies = {
    policies: {
      ExtensionSettings: {
        [addon.id]: { installation_mode: 'force_installed', install_url: addon.installUrl },
      },
      '3rdparty': { Extensions: { [addon.id]: Object.fromEntries(managedEntries(settings)) } },
    },
  };
  return `${JSON.stringify(policies, null, 2)}\n`;
}
