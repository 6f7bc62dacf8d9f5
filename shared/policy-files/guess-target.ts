import type { PolicyBrowser, PolicySystem, PolicyTarget } from './policy-target';

/**
 * The browser and system this page most likely runs in, to preselect the policy file. Only a
 * guess: the family can pick another. `brands` are `navigator.userAgentData.brands`, which
 * tell Chrome from Chromium (their user-agent strings are the same).
 */
export function guessTarget(agent: {
  userAgent: string;
  platform: string;
  brands?: readonly string[];
}): PolicyTarget {
  const { userAgent, platform, brands = [] } = agent;
  const system: PolicySystem = /Win/i.test(platform)
    ? 'windows'
    : /Mac/i.test(platform)
      ? 'macos'
      : /Windows/.test(userAgent)
        ? 'windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macos'
          : 'linux';
  // Chromium is offered on Linux only (elsewhere it is rare), so only there is it guessed.
  const browser: PolicyBrowser = /Firefox\//.test(userAgent)
    ? 'firefox'
    : /Edg\//.test(userAgent) || brands.includes('Microsoft Edge')
      ? 'edge'
      : system === 'linux' && brands.includes('Chromium') && !brands.includes('Google Chrome')
        ? 'chromium'
        : 'chrome';
  return `${browser}-${system}` as PolicyTarget;
}
