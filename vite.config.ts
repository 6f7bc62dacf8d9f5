import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { mergeCatalogs } from './scripts/lib/locales';
import { signingKeys } from './scripts/lib/signing-keys';
import { starterList } from './scripts/lib/vite-starter-list';

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

// Firefox stable takes an id from `browser_specific_settings` instead of a `key`, and runs
// MV3 background code as an event page (`background.scripts`) rather than a service worker.
function manifestFor(target: Browser) {
  if (target === 'chrome') return baseManifest;
  const { key: _key, minimum_chrome_version: _min, background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: { id: '{c519285a-b1f4-455b-b107-91a01bb890f6}', strict_min_version: '128.0' },
    },
  };
}

// Translations live beside the code in extension/_locales/<locale>/, one file per area of
// the product so that features do not edit one shared file; browsers want a single
// messages.json per locale at the extension's root.
// The managed-policy schema is named in the manifest but is not code, so crxjs leaves it out.
function managedSchema(): Plugin {
  const path = 'extension/managed-schema.json';
  return {
    name: 'scam-guard-managed-schema',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: path, source: readFileSync(path, 'utf8') });
    },
  };
}

function locales(): Plugin {
  return {
    name: 'scam-guard-locales',
    generateBundle() {
      for (const locale of readdirSync('extension/_locales')) {
        const messages = mergeCatalogs(`extension/_locales/${locale}`);
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${locale}/messages.json`,
          source: JSON.stringify(messages, null, 1),
        });
      }
    },
  };
}

export default defineConfig(async () => {
  const keys = await signingKeys();
  const define = {
    __SCAM_GUARD_LIST_URL__: JSON.stringify(
      process.env.SCAM_GUARD_LIST_URL ?? 'http://127.0.0.1:8787/list/manifest.json',
    ),
    __SCAM_GUARD_REPORT_URL__: JSON.stringify(
      process.env.SCAM_GUARD_REPORT_URL ?? 'http://127.0.0.1:8787/v1/reports',
    ),
    __SCAM_GUARD_LIST_PUBLIC_KEY__: JSON.stringify(keys.publicKeyHex),
    __SCAM_GUARD_VERSION__: JSON.stringify(baseManifest.version),
  };

  return {
    define,
    plugins: [
      preact(),
      locales(),
      managedSchema(),
      starterList(keys),
      crx({ manifest: manifestFor(browser) as typeof baseManifest, browser }),
    ],
    build: {
      // SCAM_GUARD_OUT_DIR: a second build beside the usual one (e.g. the bench's 1M list).
      outDir: process.env.SCAM_GUARD_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      // The warning page is opened by the background, not named in the manifest, so it has
      // to be a build input of its own.
      rollupOptions: { input: { warning: 'extension/warning/index.html' } },
    },
  };
});
