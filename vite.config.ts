import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

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

// The translations live beside the code in extension/_locales; browsers want them at the
// extension's root.
function locales(): Plugin {
  return {
    name: 'scam-guard-locales',
    generateBundle() {
      for (const locale of readdirSync('extension/_locales')) {
        const fileName = `_locales/${locale}/messages.json`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(`extension/${fileName}`) });
      }
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    locales(),
    crx({ manifest: manifestFor(browser) as typeof baseManifest, browser }),
  ],
  build: {
    outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    // The warning page is opened by the background, not named in the manifest, so it has
    // to be a build input of its own.
    rollupOptions: { input: { warning: 'extension/warning/index.html' } },
  },
});
