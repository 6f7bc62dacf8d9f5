/**
 * `npm start`: builds the extension, publishes a local list (the bundled feeds plus the
 * demo sites) through the real list service, starts the report service, and opens Chromium
 * with the extension loaded on a demo page. Without a display it says how to load `dist/`
 * by hand and keeps the services running.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { isCategory } from '../shared/categories';
import { startServer } from '../server/main';
import { buildRelease } from './lib/build-release';
import { chromiumPath } from './lib/chromium-path';
import { STARTER_FEEDS } from './lib/compile-starter-snapshot';
import { startDemoSite } from './lib/demo-site';
import { signingKeys } from './lib/signing-keys';
import type { SourceFile } from './lib/source-files';
import { starterDataDir } from './lib/vite-starter-list';
import type { ListManifest } from './lib/write-release';

const LIST_DIR = process.env.LIST_DIR ?? 'public-list';
const DIST = resolve('dist');

function demoSources(): SourceFile[] {
  return readdirSync('data/demo')
    .filter((file) => file.endsWith('.txt'))
    .map((file) => {
      const category = basename(file, '.txt');
      if (!isCategory(category)) throw new Error(`data/demo/${file}: unknown category`);
      return { path: join('data/demo', file), category, name: 'demo' };
    });
}

/** Publishes the next list version, with a delta from the previous one when there is one. */
async function publishList(): Promise<ListManifest> {
  const manifestPath = join(LIST_DIR, 'manifest.json');
  const previous = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ListManifest).version
    : 0;
  const previousPath = join(LIST_DIR, `snapshot-${previous}.sgl`);
  const feeds = STARTER_FEEDS.map((f) => ({
    path: join(starterDataDir(), f.file),
    category: f.category,
  }));
  const report = await buildRelease({
    sources: [...feeds, ...demoSources()],
    allowlistPath: 'data/allowlist.txt',
    version: previous + 1,
    privateKey: (await signingKeys()).privateKey,
    outDir: LIST_DIR,
    minimumWaitSeconds: 60,
    ...(previous > 0 && existsSync(previousPath) ? { previousPath } : {}),
  });
  return report.manifest;
}

async function main() {
  console.log('Building the extension…');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

  const manifest = await publishList();
  console.log(`Published list version ${manifest.version} in ${LIST_DIR}/`);
  const service = await startServer({ listDir: LIST_DIR });
  console.log(
    `List and report service: ${service.url} (list at ${service.url}/list/manifest.json)`,
  );
  const demo = await startDemoSite();

  const stop = async () => {
    demo.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(`
No display found, so no browser window can open here.
To try Scam Guard on a machine with a display:
  1. Open chrome://extensions in Chrome, Edge or Chromium and switch on "Developer mode".
  2. Click "Load unpacked" and choose ${DIST}
  3. Visit any site, open the toolbar shield, or try the demo page at ${demo.url}
     (start the browser with --host-resolver-rules="MAP *.test 127.0.0.1" so the demo hosts reach it).
The list and report service keep running here; press Ctrl+C to stop.`);
    return;
  }

  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'scam-guard-start-')),
    {
      executablePath: chromiumPath(),
      headless: false,
      viewport: null,
      args: [
        // Chromium refuses to run as root with its sandbox (containers, CI boxes).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--no-first-run',
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--host-resolver-rules=MAP *.test 127.0.0.1, MAP 0001interac.com 127.0.0.1, MAP www.icbc.com.cn 127.0.0.1',
      ],
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Sync the local list now instead of after the usual random 0–60 s start-up delay.
  await worker.evaluate(() => chrome.alarms.create('list-sync', { when: Date.now() }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo.url);
  console.log(`Chromium is open on ${demo.url}. Close it or press Ctrl+C to stop.`);
  context.on('close', () => void stop());
}

declare const chrome: { alarms: { create(name: string, info: { when: number }): void } };

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
