import { chromiumPolicyJson } from './chromium-json';
import { firefoxPolicies } from './firefox-policies';
import { mobileconfig } from './mobileconfig';
import { BROWSERS, WINDOWS_MAC_PLACES } from './browsers';
import { policySteps } from './policy-steps';
import { targetParts, type PolicyFile, type PolicyInput } from './policy-target';
import { windowsReg } from './windows-reg';

/**
 * The policy file that makes the extension stick on one browser and system: force-installed
 * (it cannot be removed or turned off) with the given settings forced, plus the steps that
 * put it in place. Holds only the settings passed in: never a PIN.
 */
export function policyFile(input: PolicyInput): PolicyFile {
  const { target, distribution, settings } = input;
  const { browser, system } = targetParts(target);
  const steps = (fileName: string, id: string) => policySteps(target, fileName, id);

  if (browser === 'firefox') {
    const fileName = 'policies.json';
    return {
      fileName,
      mimeType: 'application/json',
      text: firefoxPolicies(distribution.firefox, settings),
      encoding: 'utf-8',
      steps: steps(fileName, distribution.firefox.id),
    };
  }
  // Chromium has no store of its own: it installs from the Chrome Web Store.
  const store = browser === 'edge' ? distribution.edge : distribution.chrome;
  if (system === 'linux' || browser === 'chromium') {
    const fileName = `scam-guard-${browser}.json`;
    return {
      fileName,
      mimeType: 'application/json',
      text: chromiumPolicyJson(store, settings),
      encoding: 'utf-8',
      steps: steps(fileName, store.id),
    };
  }
  const place = WINDOWS_MAC_PLACES[browser];
  if (system === 'windows') {
    const fileName = `scam-guard-${browser}.reg`;
    return {
      fileName,
      mimeType: 'text/plain',
      text: windowsReg(place.regKey, store, settings),
      encoding: 'utf-16le',
      steps: steps(fileName, store.id),
    };
  }
  const fileName = `scam-guard-${browser}.mobileconfig`;
  return {
    fileName,
    mimeType: 'application/x-apple-aspen-config',
    text: mobileconfig(
      { domain: place.macDomain, name: BROWSERS[browser].name },
      store,
      settings,
      input.profileUuids,
    ),
    encoding: 'utf-8',
    steps: steps(fileName, store.id),
  };
}

/** The bytes to save: UTF-16 little-endian with a byte-order mark for Registry Editor. */
export function policyFileBytes(
  file: Pick<PolicyFile, 'text' | 'encoding'>,
): Uint8Array<ArrayBuffer> {
  if (file.encoding === 'utf-8') return new TextEncoder().encode(file.text);
  const bytes = new Uint8Array(2 + file.text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < file.text.length; i++) {
    const unit = file.text.charCodeAt(i);
    bytes[2 + 2 * i] = unit & 0xff;
    bytes[3 + 2 * i] = unit >> 8;
  }
  return bytes;
}
