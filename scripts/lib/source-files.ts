import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isCategory, type Category } from '../../shared/categories';
import type { SourceInput } from '../../shared/list/compile';

export interface SourceFile {
  path: string;
  category: Category;
  /** Defaults to the file name without its extension. */
  name?: string;
}

/** Parses a CLI `--source category:path` (or `category:name=path`) argument. */
export function parseSourceSpec(spec: string): SourceFile {
  const colon = spec.indexOf(':');
  const category = spec.slice(0, colon);
  if (colon < 1 || !isCategory(category)) {
    throw new Error(
      `--source ${spec}: expected <category>:<path>, category one of the known categories`,
    );
  }
  const rest = spec.slice(colon + 1);
  const eq = rest.indexOf('=');
  return eq > 0
    ? { category, name: rest.slice(0, eq), path: rest.slice(eq + 1) }
    : { category, path: rest };
}

export async function readSourceFiles(files: readonly SourceFile[]): Promise<SourceInput[]> {
  return Promise.all(
    files.map(async (f) => ({
      name: f.name ?? basename(f.path, extname(f.path)),
      category: f.category,
      text: await readFile(f.path, 'utf8'),
    })),
  );
}
