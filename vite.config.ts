import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { chromeManifest } from './extension/platform/chrome-manifest';
import { firefoxManifest } from './extension/platform/firefox-manifest';
import { mergeCatalogs } from './scripts/lib/locales';
import { signingKeys } from './scripts/lib/signing-keys';
import { STARTER_RULES_FILE, starterList } from './scripts/lib/vite-starter-list';
import { firefoxRule } from './extension/platform/firefox-rules';
import type { NetworkRule } from './shared/network-rules/network-rule';
import { privateContentScript } from './scripts/lib/vite-private-content-script';

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

// What each browser needs differently lives in extension/platform/: the manifest changes
// here, and the runtime module that `#platform` names in the extension's code.
const manifestFor = { chrome: chromeManifest, firefox: firefoxManifest }[browser];

// Browser tests of the content check need page access, and Chromium's permission prompt
// cannot be answered by an automated browser: a test build (SCAM_GUARD_GRANT_PAGE_ACCESS=1)
// asks for the same hosts up front. Release builds keep them optional.
function withPageAccessForTests<M extends object>(manifest: M): M {
  if (process.env.SCAM_GUARD_GRANT_PAGE_ACCESS !== '1') return manifest;
  const optional = (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
  return { ...manifest, host_permissions: optional };
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

// Firefox skips a static rule naming a resource type it lacks, so its build ships the
// starter ruleset as Firefox accepts it.
function firefoxRuleset(): Plugin {
  return {
    name: 'scam-guard-firefox-ruleset',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const asset = bundle[STARTER_RULES_FILE];
      if (asset?.type !== 'asset') this.error(`${STARTER_RULES_FILE} is missing`);
      const rules = JSON.parse(String(asset.source)) as NetworkRule[];
      asset.source = JSON.stringify(rules.map(firefoxRule));
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
    __SCAM_GUARD_RELAY_URL__: JSON.stringify(
      process.env.SCAM_GUARD_RELAY_URL ?? 'http://127.0.0.1:8787/v1/relay',
    ),
    __SCAM_GUARD_LIST_PUBLIC_KEY__: JSON.stringify(keys.publicKeyHex),
    __SCAM_GUARD_VERSION__: JSON.stringify(baseManifest.version),
  };

  return {
    define,
    resolve: { alias: { '#platform': resolve(`extension/platform/${browser}.ts`) } },
    plugins: [
      preact(),
      locales(),
      managedSchema(),
      starterList(keys),
      ...(browser === 'firefox' ? [firefoxRuleset()] : []),
      crx({
        manifest: withPageAccessForTests(manifestFor(baseManifest)) as typeof baseManifest,
        browser,
      }),
      privateContentScript(),
    ],
    build: {
      // SCAM_GUARD_OUT_DIR: a second build beside the usual one (e.g. the bench's 1M list).
      outDir: process.env.SCAM_GUARD_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      // The warning and welcome pages are opened by the background, not named in the
      // manifest, so each has to be a build input of its own.
      rollupOptions: {
        input: {
          warning: 'extension/warning/index.html',
          welcome: 'extension/welcome/index.html',
        },
      },
    },
  };
});
