import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * One fixed time for every entry (1980-01-01, the earliest a zip can say): with files in
 * sorted order and fixed compression, the same inputs always give the same bytes, so a
 * package can be rebuilt from a clean clone and compared.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** A zip of `files` (path → bytes), byte-for-byte the same for the same files. */
export function reproducibleZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    entries[path] = [files.get(path)!, { mtime: FIXED_TIME, level: 9, os: 3, attrs: 0o644 << 16 }];
  }
  return zipSync(entries);
}

/** The files of a folder, read whole, for `reproducibleZip`. */
export function readTree(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));
}

/** The files of a zip, path → bytes. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
