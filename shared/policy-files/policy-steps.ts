import { BROWSERS, WINDOWS_MAC_PLACES } from './browsers';
import { targetParts, type PolicyStep, type PolicyTarget } from './policy-target';
import { profileName } from './mobileconfig';
import { windowsRegKeys } from './windows-reg';

/** The name a Linux policy file is installed under: one file of ours, beside any others. */
export const LINUX_FILE_NAME = 'scam-guard.json';

/** Where to put the file, how to make the browser read it, how to check and how to undo it. */
export function policySteps(
  target: PolicyTarget,
  fileName: string,
  extensionId: string,
): PolicyStep[] {
  const { browser, system } = targetParts(target);
  const { name, policyPage, linuxDir } = BROWSERS[browser];
  const restart: PolicyStep =
    system === 'macos'
      ? { key: 'policyStepRestartMac', substitutions: [name] }
      : { key: 'policyStepRestart', substitutions: [name] };
  const check: PolicyStep = { key: 'policyStepCheck', code: policyPage };

  if (browser === 'firefox') {
    const place: Record<typeof system, PolicyStep> = {
      windows: {
        key: 'policyStepFirefoxWindows',
        code: 'C:\\Program Files\\Mozilla Firefox\\distribution',
      },
      macos: {
        key: 'policyStepFirefoxMac',
        code: '/Applications/Firefox.app/Contents/Resources/distribution',
      },
      linux: {
        key: 'policyStepLinuxInstall',
        code: `sudo install -D -m 644 ${fileName} ${linuxDir}/policies.json`,
      },
    };
    return [
      place[system],
      { key: 'policyStepFirefoxReplaces' },
      restart,
      check,
      { key: 'policyStepFirefoxUndo' },
    ];
  }
  if (system === 'windows' && browser !== 'chromium')
    return [
      { key: 'policyStepRegOpen', substitutions: [fileName] },
      restart,
      check,
      {
        key: 'policyStepRegUndo',
        code: windowsRegKeys(WINDOWS_MAC_PLACES[browser].regKey, extensionId).join('\n'),
      },
    ];
  if (system === 'macos')
    return [
      { key: 'policyStepMacOpen', substitutions: [fileName] },
      { key: 'policyStepMacInstall', substitutions: [profileName(name)] },
      restart,
      check,
      { key: 'policyStepMacUndo', substitutions: [profileName(name)] },
    ];
  return [
    {
      key: 'policyStepLinuxInstall',
      code: `sudo install -D -m 644 ${fileName} ${linuxDir}/${LINUX_FILE_NAME}`,
    },
    restart,
    check,
    { key: 'policyStepLinuxUndo', code: `sudo rm ${linuxDir}/${LINUX_FILE_NAME}` },
  ];
}
