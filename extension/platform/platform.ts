import type { Tabs } from 'webextension-polyfill';

/**
 * What differs between the Chrome and the Firefox build, and nothing else. The build picks
 * one implementation (vite.config.ts aliases `#platform` to it), so the rest of the code
 * never asks which browser it runs in.
 */
export interface Platform {
  /**
   * Takes a tab that has no safe page to return to (it was opened straight onto a scam,
   * from a text message or an e-mail) to the browser's own new-tab page.
   */
  leaveToNewTab(tabs: Tabs.Static, tabId: number): Promise<void>;
}

/** The manifest as written in manifest.json, the shape both builds start from. */
export interface BaseManifest {
  key?: string;
  minimum_chrome_version?: string;
  background: { service_worker: string; type: string };
  [field: string]: unknown;
}

/** The manifest one browser's build ships. */
export interface BuildManifest {
  background: { service_worker: string; type: string } | { scripts: string[]; type: string };
  [field: string]: unknown;
}
