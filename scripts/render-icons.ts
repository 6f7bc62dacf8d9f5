/**
 * Renders extension/icons/icon.svg to the PNG sizes the manifest names (Chrome does not
 * take SVG icons). Run after changing the SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from './lib/chromium-path';

const svg = await readFile('extension/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `extension/icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
