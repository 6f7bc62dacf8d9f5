import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseProtectedNames, type ProtectedNames } from '../../shared/lookalike';

export const PROTECTED_NAMES_PATH = 'data/protected-names.json';
/** The same file resolved from this module, so the scripts work from any working directory. */
export const DEFAULT_PROTECTED_NAMES = fileURLToPath(
  new URL('../../data/protected-names.json', import.meta.url),
);

/**
 * The curated brands and institutions the look-alike detector protects. They ship inside
 * every list (metadata key `protectedNames`), so they update with the list; validated here
 * so a broken data file fails the build, not the detector in users' browsers.
 */
export async function readProtectedNames(path = PROTECTED_NAMES_PATH): Promise<ProtectedNames> {
  return parseProtectedNames(JSON.parse(await readFile(path, 'utf8')));
}
