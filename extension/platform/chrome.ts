import type { Platform } from './platform';

export const platform: Platform = {
  async leaveToNewTab(tabs, tabId) {
    await tabs.update(tabId, { url: 'chrome://newtab/' });
  },
  networkRulesApi: (dnr) => dnr,
};
