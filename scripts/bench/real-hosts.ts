import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { LookalikeDetector } from '../../shared/lookalike/index';
import type { ProtectedName } from '../../shared/lookalike/protected-names';

/**
 * Real hosts that no rule of the look-alike detector chose, read at bench time from the site
 * lists Firefox ships (nothing of them is copied into the repository):
 * - Apple's password-manager-resources "websites with shared credential backends" (MIT), which
 *   Firefox bundles: groups of domains one organisation runs. A group holding a protected
 *   domain is that brand's family ("capitalone360.com", "shopdisney.com"); a warning there
 *   sends the person away from the real company.
 * - every other host named in Firefox's bundled settings dumps (search engines' regional
 *   domains, cookie-banner rules, password rules, top sites): real sites, many of them
 *   subdomains, which the benign list of registrable domains does not hold.
 * These were inspected while adding brand domains to the protected names, so they are a tune
 * set: the figure shows a regression, it does not stand in for a held-out one.
 */
const OMNI = ['/usr/lib/firefox-esr/browser/omni.ja', '/usr/lib/firefox/browser/omni.ja'];
const SHARED = 'defaults/settings/main/websites-with-shared-credential-backends.json';
const DUMPS = [
  SHARED,
  'defaults/settings/main/password-rules.json',
  'defaults/settings/main/search-config-v2.json',
  'defaults/settings/main/cookie-banner-rules-list.json',
  'defaults/settings/main/top-sites.json',
];
const HOST = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])/gi;
// File names and keys in the dumps look like hosts: "favicon.ico", "opensearch.xml".
const NOT_A_TLD = /\.(?:ico|png|svg|json|xml|php|html?|js|css|bin|pem|gif|jpe?g|txt)$/;

function unzipped(omni: string, path: string): string {
  try {
    return execFileSync('unzip', ['-p', omni, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch {
    return '';
  }
}

export function runRealHostsBench(
  detector: LookalikeDetector,
  names: readonly ProtectedName[],
): Record<string, number> {
  const omni = OMNI.find((p) => existsSync(p));
  if (!omni) return {};
  const dumps = DUMPS.map((d) => unzipped(omni, d));
  const groups = (
    JSON.parse(dumps[0] || '{"data":[]}') as { data: { relatedRealms?: string[][] }[] }
  ).data.flatMap((r) => r.relatedRealms ?? []);
  const owner = new Set(names.flatMap((n) => [n.domain, ...n.siblings]));
  // Every domain of a brand's group but its main one, listed as a sibling or not: the figure
  // keeps its meaning as siblings are added.
  const main = new Set(names.map((n) => n.domain));
  const family = new Set<string>();
  for (const group of groups) {
    if (group.some((d) => owner.has(d))) for (const d of group) if (!main.has(d)) family.add(d);
  }
  const others = new Set<string>();
  for (const text of dumps) {
    for (const [match] of text.matchAll(HOST)) {
      const host = match.toLowerCase();
      if (!NOT_A_TLD.test(host) && !family.has(host) && !owner.has(host)) others.add(host);
    }
  }
  const alarms = (hosts: Set<string>, kind: string) =>
    [...hosts].filter((h) => {
      const hit = detector.check(h) !== null;
      if (hit && process.env.LOOKALIKE_BENCH_VERBOSE) console.error(`alarm ${kind} ${h}`);
      return hit;
    }).length;
  return {
    lookalikeBrandFamilyDomains: family.size,
    lookalikeFalseAlarmsBrandFamily: alarms(family, 'family'),
    lookalikeRealHosts: others.size,
    lookalikeRealHostsWithSubdomain: [...others].filter((h) => h.split('.').length > 2).length,
    lookalikeFalseAlarmsRealHosts: alarms(others, 'host'),
  };
}
