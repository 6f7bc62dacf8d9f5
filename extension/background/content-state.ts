import browser from 'webextension-polyfill';
import type { ContentScenario } from '../../shared/content';

/**
 * The last content check of each tab (in `storage.session`, gone with the browser session):
 * which page was read, when, and what it looked like. Nothing of the page's text is kept.
 */
export interface ContentCheckRecord {
  url: string;
  checkedAt: number;
  suspicious: boolean;
  scenario: ContentScenario | null;
}

const key = (tabId: number) => `content:${tabId}`;

export const contentState = {
  async get(tabId: number): Promise<ContentCheckRecord | null> {
    const found = await browser.storage.session.get(key(tabId));
    return (found[key(tabId)] as ContentCheckRecord | undefined) ?? null;
  },
  set: (tabId: number, record: ContentCheckRecord) =>
    browser.storage.session.set({ [key(tabId)]: record }),
  forget: (tabId: number) => browser.storage.session.remove(key(tabId)),
};
