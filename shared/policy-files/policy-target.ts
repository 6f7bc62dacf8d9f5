import type { Settings } from '../settings';

/**
 * The browsers and systems a policy file can be written for, and what the generators are
 * given. Each browser reads policy in one documented place per system; policy-file.ts maps
 * a target onto the writer for that place.
 */

export type PolicyBrowser = 'chrome' | 'chromium' | 'edge' | 'firefox';
export type PolicySystem = 'windows' | 'macos' | 'linux';

export const POLICY_TARGETS = [
  'chrome-windows',
  'chrome-macos',
  'chrome-linux',
  'chromium-linux',
  'edge-windows',
  'edge-macos',
  'edge-linux',
  'firefox-windows',
  'firefox-macos',
  'firefox-linux',
] as const;

export type PolicyTarget = (typeof POLICY_TARGETS)[number];

export function targetParts(target: PolicyTarget): {
  browser: PolicyBrowser;
  system: PolicySystem;
} {
  const [browser, system] = target.split('-') as [PolicyBrowser, PolicySystem];
  return { browser, system };
}

/** Where each store serves the extension: the ids policies name and the URLs they install from. */
export interface Distribution {
  /** Chrome Web Store (also what Chromium installs from). */
  chrome: { id: string; updateUrl: string };
  /** Edge Add-ons. */
  edge: { id: string; updateUrl: string };
  /** addons.mozilla.org: the add-on id and the URL of its latest signed file. */
  firefox: { id: string; installUrl: string };
}

/** Values of the managed-storage keys (extension/managed-schema.json) a file forces. */
export type ManagedValues = Partial<Settings>;

export interface PolicyInput {
  target: PolicyTarget;
  distribution: Distribution;
  settings: ManagedValues;
  /**
   * Identifiers of a macOS configuration profile and of its two payloads. Passed in (the page
   * draws them at random) so that the same input always gives the same file.
   */
  profileUuids: { profile: string; browser: string; extension: string };
}

/** One instruction: a message key in policy-files.json, optionally followed by text to copy. */
export interface PolicyStep {
  key: PolicyStepKey;
  substitutions?: string[];
  /** A command, path or address shown as code after the sentence, to type or copy. */
  code?: string;
}

export type PolicyStepKey =
  | 'policyStepRegOpen'
  | 'policyStepRegUndo'
  | 'policyStepMacOpen'
  | 'policyStepMacInstall'
  | 'policyStepMacUndo'
  | 'policyStepLinuxInstall'
  | 'policyStepLinuxUndo'
  | 'policyStepFirefoxWindows'
  | 'policyStepFirefoxMac'
  | 'policyStepFirefoxReplaces'
  | 'policyStepFirefoxUndo'
  | 'policyStepRestart'
  | 'policyStepRestartMac'
  | 'policyStepCheck';

export interface PolicyFile {
  fileName: string;
  mimeType: string;
  text: string;
  /** How `text` is to be written: Registry Editor reads non-ASCII text only from UTF-16. */
  encoding: 'utf-8' | 'utf-16le';
  steps: PolicyStep[];
}
