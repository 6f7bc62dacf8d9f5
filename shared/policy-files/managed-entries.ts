import type { ManagedValues } from './policy-target';

export type ManagedValue = string | number | boolean;

/**
 * The values a file forces, in the order given, without the keys left unset. Every writer
 * calls this, so a number no format can carry is refused the same way everywhere.
 */
export function managedEntries(settings: ManagedValues): [string, ManagedValue][] {
  const entries = Object.entries(settings).filter(
    (entry): entry is [string, ManagedValue] => entry[1] !== undefined,
  );
  for (const [key, value] of entries) {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`${key} is not a finite number`);
  }
  return entries;
}

/** A Chrome Web Store or Edge Add-ons extension id: 32 letters a to p. */
export function checkChromiumStore(store: { id: string; updateUrl: string }): void {
  if (!/^[a-p]{32}$/.test(store.id)) throw new Error(`not an extension id: ${store.id}`);
  if (!/^https:\/\/[^\s;]+$/.test(store.updateUrl))
    throw new Error(`not an https update URL: ${store.updateUrl}`);
}
