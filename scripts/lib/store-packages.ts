import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readTree, reproducibleZip } from './package-zip';

export interface StorePackages {
  version: string;
  /** For the Chrome Web Store (and Edge Add-ons): the Chrome build, without its `key`. */
  chrome: Uint8Array;
  /** For addons.mozilla.org: the Firefox build as an unsigned .xpi. */
  firefox: Uint8Array;
  /** What AMO asks for beside a bundled add-on: the source it was built from. */
  source: Uint8Array;
}

/**
 * The Chrome Web Store assigns the id itself and refuses a manifest with a `key`; the key
 * stays in the repository's manifest so that a build loaded by hand keeps the id that
 * policies and tests name.
 */
export function storeManifest(manifest: Uint8Array): Uint8Array {
  const { key: _key, ...rest } = JSON.parse(Buffer.from(manifest).toString('utf8')) as Record<
    string,
    unknown
  >;
  return Buffer.from(JSON.stringify(rest, null, 2) + '\n');
}

/** Files under version control at HEAD: what a clean clone holds, nothing generated. */
export function sourceFiles(root: string): Map<string, Uint8Array> {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  const files = new Map<string, Uint8Array>();
  for (const path of listed.split('\0').filter(Boolean).sort()) {
    files.set(
      path,
      execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, maxBuffer: 1 << 28 }),
    );
  }
  return files;
}

export function storePackages(options: {
  root: string;
  chromeDir: string;
  firefoxDir: string;
  /** The public blocklists the starter list is compiled from (they live outside the repository). */
  feeds?: ReadonlyMap<string, Uint8Array>;
}): StorePackages {
  const chrome = readTree(options.chromeDir);
  chrome.set('manifest.json', storeManifest(chrome.get('manifest.json')!));
  const source = sourceFiles(options.root);
  for (const [path, bytes] of options.feeds ?? []) source.set(path, bytes);
  const { version } = JSON.parse(readFileSync(`${options.root}/manifest.json`, 'utf8')) as {
    version: string;
  };
  return {
    version,
    chrome: reproducibleZip(chrome),
    firefox: reproducibleZip(readTree(options.firefoxDir)),
    source: reproducibleZip(source),
  };
}
