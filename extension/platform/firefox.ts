import { firefoxRule } from './firefox-rules';
import type { Platform } from './platform';

export const platform: Platform = {
  // Firefox refuses to navigate a tab to a privileged page (about:newtab, about:home), so
  // the warning tab is replaced by a fresh tab in its place, which opens on whatever new-tab
  // page the user chose.
  async leaveToNewTab(tabs, tabId) {
    const tab = await tabs.get(tabId);
    await tabs.create({ windowId: tab.windowId, index: tab.index, active: true });
    await tabs.remove(tabId);
  },
  networkRulesApi: (dnr) => ({
    getDynamicRules: (filter) => dnr.getDynamicRules(filter),
    getSessionRules: (filter) => dnr.getSessionRules(filter),
    updateDynamicRules: (options) =>
      dnr.updateDynamicRules({ ...options, addRules: options.addRules?.map(firefoxRule) }),
    updateSessionRules: (options) =>
      dnr.updateSessionRules({ ...options, addRules: options.addRules?.map(firefoxRule) }),
  }),
};
