import type { ListEntry } from './list-entry';
import { unpackEntries } from './packed-list';
import { readPacked } from './read-packed';

/**
 * Decodes every entry of a snapshot, in canonical order, after the checks readPacked makes
 * (for tooling, tests and delta encoding; the extension works on the packed form).
 */
export function readEntries(bytes: Uint8Array): ListEntry[] {
  return unpackEntries(readPacked(bytes));
}
