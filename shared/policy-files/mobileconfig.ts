import { checkChromiumStore, managedEntries } from './managed-entries';
import type { ManagedValues, PolicyInput } from './policy-target';

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/**
 * A macOS configuration profile (.mobileconfig) for Chrome or Edge. It holds two payloads:
 * the browser's own preference domain (`com.google.Chrome`, `com.microsoft.Edge`) with
 * `ExtensionInstallForcelist`, and the extension's domain (`<browser domain>.extensions.<id>`),
 * which is where Chromium on macOS reads an extension's policy from; a `3rdparty` key in
 * the browser's domain is not read there. Values set by a profile are forced.
 *
 * Written by hand rather than with a plist library: the format needs six element types
 * and one escaping rule, and the product then ships no XML dependency.
 */
export function mobileconfig(
  browser: { domain: string; name: string },
  store: { id: string; updateUrl: string },
  settings: ManagedValues,
  uuids: PolicyInput['profileUuids'],
): string {
  checkChromiumStore(store);
  const identifier = `scam-guard.policy.${browser.domain}`;
  const payload = (type: string, uuid: string, suffix: string) => ({
    PayloadType: type,
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.${suffix}`,
    PayloadUUID: uuid,
    PayloadDisplayName: profileName(browser.name),
    PayloadEnabled: true,
  });
  const profile: PlistValue = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: uuids.profile,
    PayloadDisplayName: profileName(browser.name),
    PayloadScope: 'System',
    PayloadContent: [
      {
        ...payload(browser.domain, uuids.browser, 'browser'),
        ExtensionInstallForcelist: [`${store.id};${store.updateUrl}`],
      },
      {
        ...payload(`${browser.domain}.extensions.${store.id}`, uuids.extension, 'extension'),
        ...Object.fromEntries(managedEntries(settings)),
      },
    ],
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistLines(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

/** The name System Settings lists the profile under (the steps tell the family to pick it). */
export function profileName(browserName: string): string {
  return `Scam Guard for ${browserName}`;
}

function plistLines(value: PlistValue, indent: string): string[] {
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number')
    return [
      `${indent}${Number.isInteger(value) ? `<integer>${value}</integer>` : `<real>${value}</real>`}`,
    ];
  if (typeof value === 'string') return [`${indent}<string>${xmlText(value)}</string>`];
  const inner = `${indent}\t`;
  if (Array.isArray(value))
    return [
      `${indent}<array>`,
      ...value.flatMap((item) => plistLines(item, inner)),
      `${indent}</array>`,
    ];
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([key, item]) => [
      `${inner}<key>${xmlText(key)}</key>`,
      ...plistLines(item, inner),
    ]),
    `${indent}</dict>`,
  ];
}

// XML 1.0 has no way to write these at all, not even as character references.
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

/**
 * Text content of an element: `&` and `<` escaped, `>` too (for `]]>`). Line ends other than
 * LF (CR, and NEL and LS, which some parsers also fold into LF) are written as character
 * references, which no parser folds.
 */
function xmlText(text: string): string {
  if (NOT_IN_XML.test(text))
    throw new Error('a control character cannot be written into a configuration profile');
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\u0085\u2028]/g, (c) => `&#${c.charCodeAt(0)};`);
}
