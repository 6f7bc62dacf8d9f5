import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * crxjs lists every `?iife` script as a web-accessible resource, which would let any web page
 * fetch it and so tell that Scam Guard is installed. The content script is registered with
 * `scripting.registerContentScripts`, which needs no such entry: this removes it from the
 * written manifest (crxjs settles the manifest last, so this runs once the files are out).
 */
export function privateContentScript(file = 'extension/content/main.js'): Plugin {
  return {
    name: 'scam-guard-private-content-script',
    apply: 'build',
    writeBundle(options) {
      const path = join(options.dir ?? 'dist', 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const kept = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => r !== file) }))
        .filter((entry) => entry.resources.length > 0);
      if (kept.length > 0) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
