import type { Platform } from './platform';

export const platform: Platform = {
  // The built-in new-tab page itself: chrome://newtab/ asked for by an extension can be
  // handed to the search engine's online page, which fails offline and leaves an error page.
  async leaveToNewTab(tabs, tabId) {
    await tabs.update(tabId, { url: 'chrome://new-tab-page/' });
  },
  networkRulesApi: (dnr) => dnr,
};
