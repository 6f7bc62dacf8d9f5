import type { PolicyBrowser } from './policy-target';

/** What each browser is called, where it shows the policy it read, where Linux keeps it. */
export const BROWSERS: Record<
  PolicyBrowser,
  { name: string; policyPage: string; linuxDir: string }
> = {
  chrome: {
    name: 'Google Chrome',
    policyPage: 'chrome://policy',
    linuxDir: '/etc/opt/chrome/policies/managed',
  },
  chromium: {
    name: 'Chromium',
    policyPage: 'chrome://policy',
    linuxDir: '/etc/chromium/policies/managed',
  },
  edge: {
    name: 'Microsoft Edge',
    policyPage: 'edge://policy',
    linuxDir: '/etc/opt/edge/policies/managed',
  },
  firefox: { name: 'Firefox', policyPage: 'about:policies', linuxDir: '/etc/firefox/policies' },
};

/** Where Chrome and Edge read policy on Windows (under HKLM\SOFTWARE\Policies) and macOS. */
export const WINDOWS_MAC_PLACES: Record<'chrome' | 'edge', { regKey: string; macDomain: string }> =
  {
    chrome: { regKey: 'Google\\Chrome', macDomain: 'com.google.Chrome' },
    edge: { regKey: 'Microsoft\\Edge', macDomain: 'com.microsoft.Edge' },
  };
