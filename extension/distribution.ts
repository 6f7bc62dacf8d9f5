import type { Distribution } from '../shared/policy-files/policy-target';
import { GECKO_ID } from './platform/firefox-manifest';

/**
 * Where the stores serve this extension, for the policy files "Make it stick" writes. A
 * build published elsewhere (a self-hosted update server, or the ids the stores assign once
 * the listings exist) changes them here, the one place they are named.
 *
 * The Chrome id is the one the manifest `key` fixes; Edge Add-ons is given the same until it
 * assigns its own. Firefox installs the latest signed file of the listing on
 * addons.mozilla.org.
 */
export const DISTRIBUTION: Distribution = {
  chrome: {
    id: 'nficakcfecjbfmpiaemceabnbnomlkoc',
    updateUrl: 'https://clients2.google.com/service/update2/crx',
  },
  edge: {
    id: 'nficakcfecjbfmpiaemceabnbnomlkoc',
    updateUrl: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
  },
  firefox: {
    id: GECKO_ID,
    installUrl: 'https://addons.mozilla.org/firefox/downloads/latest/scam-guard/latest.xpi',
  },
};
