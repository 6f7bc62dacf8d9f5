/// <reference types="@crxjs/vite-plugin/client" />
import browser from 'webextension-polyfill';
import contentScript from '../content/main.ts?iife';
import { PAGE_ORIGINS } from '../ui/page-origins';
import { contentState } from './content-state';

/**
 * Page access for the content check is opt-in: the host permissions are optional and asked
 * for from a click on our own page (options, family setup). The content script is registered
 * only while they are granted, and unregistered the moment they are taken back, so without
 * them no page is read. One IIFE file: it needs no web-accessible resources.
 */
const SCRIPT_ID = 'scam-guard-content';

export async function hasPageAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: PAGE_ORIGINS });
}

export async function syncContentScript(): Promise<void> {
  const granted = await hasPageAccess();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [contentScript],
        matches: PAGE_ORIGINS,
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/** Registered in the worker's first turn; every change of the grant re-syncs the script. */
export function registerPageAccess(): void {
  const sync = () =>
    void syncContentScript().catch((error: unknown) =>
      console.error('content script registration failed', error),
    );
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.tabs.onRemoved.addListener((tabId) => void contentState.forget(tabId));
}
