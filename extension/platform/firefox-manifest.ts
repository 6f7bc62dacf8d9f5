import type { BaseManifest, BuildManifest } from './platform';

/** The add-on id on addons.mozilla.org and in Firefox's policies.json. */
export const GECKO_ID = '{c519285a-b1f4-455b-b107-91a01bb890f6}';

/**
 * Firefox takes an id from `browser_specific_settings` instead of a `key`, and runs MV3
 * background code as an event page (`background.scripts`) rather than a service worker.
 * Firefox 140 (the ESR) is the first to read `data_collection_permissions`; AMO requires
 * the declaration of every new add-on.
 */
export function firefoxManifest(base: BaseManifest): BuildManifest {
  const { key: _key, minimum_chrome_version: _min, background, ...rest } = base;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Checking pages is done on the device and sends nothing. Only "Report this page"
        // and "report a mistake" send a page address with the extension version, and only
        // when the user presses them; PRIVACY.md says exactly what.
        data_collection_permissions: {
          required: ['none'],
          optional: ['browsingActivity', 'technicalAndInteraction'],
        },
      },
      // Firefox for Android reads the data collection declaration from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
