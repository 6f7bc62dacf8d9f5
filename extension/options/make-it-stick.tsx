import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { familyPolicyValues } from '../../shared/policy-files/family-policy-keys';
import { guessTarget } from '../../shared/policy-files/guess-target';
import { policyFile, policyFileBytes } from '../../shared/policy-files/policy-file';
import {
  POLICY_TARGETS,
  type PolicyFile,
  type PolicyTarget,
} from '../../shared/policy-files/policy-target';
import { DISTRIBUTION } from '../distribution';
import { t, type MessageKey } from '../ui/i18n';
import { send } from '../ui/messaging';

const TARGET_LABELS: Record<PolicyTarget, MessageKey> = {
  'chrome-windows': 'stickTargetChromeWindows',
  'chrome-macos': 'stickTargetChromeMacos',
  'chrome-linux': 'stickTargetChromeLinux',
  'chromium-linux': 'stickTargetChromiumLinux',
  'edge-windows': 'stickTargetEdgeWindows',
  'edge-macos': 'stickTargetEdgeMacos',
  'edge-linux': 'stickTargetEdgeLinux',
  'firefox-windows': 'stickTargetFirefoxWindows',
  'firefox-macos': 'stickTargetFirefoxMacos',
  'firefox-linux': 'stickTargetFirefoxLinux',
};

function thisBrowser(): PolicyTarget {
  const { userAgentData } = navigator as Navigator & {
    userAgentData?: { brands: { brand: string }[] };
  };
  return guessTarget({
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    brands: userAgentData?.brands.map((b) => b.brand),
  });
}

/** Saves the file through a link to a Blob: no `downloads` permission needed. */
function save(file: PolicyFile): void {
  const url = URL.createObjectURL(new Blob([policyFileBytes(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The browser reads the Blob after the click returns; a minute is ample, then it is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Make it stick": writes the browser policy that force-installs the extension and forces the
 * family's saved settings, with the steps to put it in place. Shown only on the unlocked
 * settings page (the PIN gate replaces it while a PIN locks the settings).
 */
export function MakeItStick({ settings }: { settings: Settings }) {
  const [target, setTarget] = useState<PolicyTarget>(thisBrowser);
  // Fixed for the page's life, so downloading twice gives the same profile.
  const [profileUuids] = useState(() => ({
    profile: crypto.randomUUID(),
    browser: crypto.randomUUID(),
    extension: crypto.randomUUID(),
  }));
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [alertsPaired, setAlertsPaired] = useState(false);
  useEffect(() => {
    void send('alerts/status', {}).then(
      (link) => setAlertsPaired(link.paired && !link.ended),
      () => setAlertsPaired(false),
    );
  }, []);
  let file: PolicyFile | null = null;
  let problem: string | null = null;
  try {
    file = policyFile({
      target,
      distribution: DISTRIBUTION,
      settings: familyPolicyValues(settings, { alertsPaired }),
      profileUuids,
    });
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }

  return (
    <section class="stick" aria-labelledby="stick-heading">
      <h3 id="stick-heading">{t('stickHeading')}</h3>
      <p>{t('stickExplain')}</p>
      <p>{t('stickContents')}</p>
      <p>{t('stickAdmin')}</p>
      <div class="field">
        <label for="stick-target">{t('stickTarget')}</label>
        <select
          id="stick-target"
          value={target}
          onChange={(e) => {
            setTarget(e.currentTarget.value as PolicyTarget);
            setDownloaded(null);
          }}
        >
          {POLICY_TARGETS.map((option) => (
            <option key={option} value={option}>
              {t(TARGET_LABELS[option])}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="error" role="alert">
          {t('errorGeneric', problem)}
        </p>
      )}
      {file && (
        <>
          <div class="buttons">
            <button
              type="button"
              class="primary"
              onClick={() => {
                save(file);
                setDownloaded(file.fileName);
              }}
            >
              {t('stickDownload')}
            </button>
          </div>
          <p class="status" role="status">
            {downloaded && t('stickDownloaded', downloaded)}
          </p>
          <h4 id="stick-steps-heading">{t('stickStepsHeading')}</h4>
          <ol class="stick-steps" aria-labelledby="stick-steps-heading">
            {file.steps.map((step) => (
              <li key={step.key}>
                {t(step.key, ...(step.substitutions ?? []))}
                {step.code && (
                  <pre>
                    <code>{step.code}</code>
                  </pre>
                )}
              </li>
            ))}
          </ol>
          <p>{t('stickAfter')}</p>
        </>
      )}
    </section>
  );
}
