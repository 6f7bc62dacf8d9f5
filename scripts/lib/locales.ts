import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** All `*.json` catalogs of one locale folder as one messages.json; a key defined twice is an error. */
export function mergeCatalogs(dir: string): Record<string, CatalogEntry> {
  const merged: Record<string, CatalogEntry> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const catalog = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<
      string,
      CatalogEntry
    >;
    for (const [key, entry] of Object.entries(catalog)) {
      if (key in merged) throw new Error(`${dir}/${file}: message "${key}" is already defined`);
      merged[key] = entry;
    }
  }
  return merged;
}
