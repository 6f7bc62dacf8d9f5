import type { DeclarativeNetRequest, Tabs } from 'webextension-polyfill';

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
  /** The browser's declarativeNetRequest, taking rules as the rest of the code writes them. */
  networkRulesApi(dnr: RulesApi): RulesApi;
}

/** The part of declarativeNetRequest the background writes rules through. */
export type RulesApi = Pick<
  DeclarativeNetRequest.Static,
  'updateDynamicRules' | 'getDynamicRules' | 'updateSessionRules' | 'getSessionRules'
>;

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
