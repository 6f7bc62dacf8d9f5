import fc from 'fast-check';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { policyFile, policyFileBytes } from './policy-file';
import {
  POLICY_TARGETS,
  targetParts,
  type Distribution,
  type ManagedValues,
  type PolicyFile,
  type PolicyTarget,
} from './policy-target';

const DISTRIBUTION: Distribution = {
  chrome: {
    id: 'nficakcfecjbfmpiaemceabnbnomlkoc',
    updateUrl: 'https://clients2.google.com/service/update2/crx',
  },
  edge: {
    id: 'abcdefghijklmnopabcdefghijklmnop',
    updateUrl: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
  },
  firefox: {
    id: '{c519285a-b1f4-455b-b107-91a01bb890f6}',
    installUrl: 'https://addons.mozilla.org/firefox/downloads/latest/scam-guard/latest.xpi',
  },
};
const UUIDS = {
  profile: '11111111-1111-4111-8111-111111111111',
  browser: '22222222-2222-4222-8222-222222222222',
  extension: '33333333-3333-4333-8333-333333333333',
};

/** Everything a contact field could hold that each format has to escape its own way. */
const HOSTILE: ManagedValues = {
  strictMode: true,
  familyContactName: 'Xiao "Ming" \\n C:\\ </string> &amp; <b> ]]> 小明\r\n二\t',
  familyContactPhone: '+86 (138) 0000-0000',
  hotline: '96110',
  language: 'zh_CN',
  largeText: false,
  resetWaitHours: 0.5,
};

function build(target: PolicyTarget, settings: ManagedValues): PolicyFile {
  return policyFile({ target, distribution: DISTRIBUTION, settings, profileUuids: UUIDS });
}

/** What the browser reads back from the saved bytes: the forced install and the settings. */
interface ReadBack {
  forceInstall: unknown;
  settings: Record<string, unknown>;
}

function storeFor(target: PolicyTarget) {
  return targetParts(target).browser === 'edge' ? DISTRIBUTION.edge : DISTRIBUTION.chrome;
}

function readBack(target: PolicyTarget, file: PolicyFile, expected: ManagedValues): ReadBack {
  const bytes = policyFileBytes(file);
  const { browser, system } = targetParts(target);
  if (browser === 'firefox') {
    const { policies } = JSON.parse(new TextDecoder().decode(bytes));
    const id = DISTRIBUTION.firefox.id;
    return {
      forceInstall: policies.ExtensionSettings[id],
      settings: policies['3rdparty'].Extensions[id],
    };
  }
  const { id } = storeFor(target);
  if (system === 'linux' || browser === 'chromium') {
    const policy = JSON.parse(new TextDecoder().decode(bytes));
    return {
      forceInstall: policy.ExtensionInstallForcelist,
      settings: policy['3rdparty'].extensions[id],
    };
  }
  if (system === 'windows') {
    const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${browser === 'edge' ? 'Microsoft\\Edge' : 'Google\\Chrome'}`;
    const keys = parseReg(decodeUtf16(bytes));
    const forcelist = keys.get(`${root}\\ExtensionInstallForcelist`)!;
    const values = keys.get(`${root}\\3rdparty\\extensions\\${id}\\policy`)!;
    return {
      forceInstall: [forcelist.get('1')?.value],
      settings: Object.fromEntries(
        [...values].map(([name, raw]) => [
          name,
          asChromeReads(raw, typeof expected[name as keyof ManagedValues]),
        ]),
      ),
    };
  }
  const profile = parsePlist(new TextDecoder().decode(bytes)) as {
    PayloadContent: Record<string, unknown>[];
  };
  const [browserPayload, extensionPayload] = profile.PayloadContent;
  const domain = browser === 'edge' ? 'com.microsoft.Edge' : 'com.google.Chrome';
  expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadUUID: UUIDS.profile });
  expect(browserPayload).toMatchObject({ PayloadType: domain, PayloadUUID: UUIDS.browser });
  expect(extensionPayload).toMatchObject({
    PayloadType: `${domain}.extensions.${id}`,
    PayloadUUID: UUIDS.extension,
  });
  return {
    forceInstall: browserPayload!.ExtensionInstallForcelist,
    settings: Object.fromEntries(
      Object.entries(extensionPayload!).filter(([key]) => !key.startsWith('Payload')),
    ),
  };
}

function expectedForceInstall(target: PolicyTarget): unknown {
  if (targetParts(target).browser === 'firefox')
    return { installation_mode: 'force_installed', install_url: DISTRIBUTION.firefox.installUrl };
  const store = storeFor(target);
  return [`${store.id};${store.updateUrl}`];
}

// A small .reg reader: just what Registry Editor does with the lines these files hold.
type RegValue = { type: 'sz' | 'dword'; value: string | number };

function decodeUtf16(bytes: Uint8Array): string {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
  let text = '';
  for (let i = 2; i < bytes.length; i += 2)
    text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return text;
}

function parseReg(text: string): Map<string, Map<string, RegValue>> {
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const [header, ...lines] = text.split('\r\n');
  expect(header).toBe('Windows Registry Editor Version 5.00');
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const line of lines) {
    if (line === '') continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      keys.set(section[1]!, (current = new Map()));
      continue;
    }
    const [name, rest] = readQuoted(line);
    expect(rest[0]).toBe('=');
    current!.set(name, readValue(rest.slice(1)));
  }
  return keys;
}

function readQuoted(text: string): [string, string] {
  expect(text[0]).toBe('"');
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') out += text[++i];
    else if (c === '"') return [out, text.slice(i + 1)];
    else out += c;
  }
  throw new Error(`unterminated string: ${text}`);
}

function readValue(text: string): RegValue {
  if (text.startsWith('"')) {
    const [value, rest] = readQuoted(text);
    expect(rest).toBe('');
    return { type: 'sz', value };
  }
  const dword = /^dword:([0-9a-f]{8})$/.exec(text);
  if (dword) return { type: 'dword', value: parseInt(dword[1]!, 16) };
  const hex = /^hex\(1\):((?:[0-9a-f]{2},)*[0-9a-f]{2})$/.exec(text);
  if (!hex) throw new Error(`unknown value: ${text}`);
  const bytes = hex[1]!.split(',').map((b) => parseInt(b, 16));
  let value = '';
  for (let i = 0; i < bytes.length; i += 2)
    value += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  expect(value.endsWith('\0')).toBe(true);
  return { type: 'sz', value: value.slice(0, -1) };
}

/** Chrome converts registry values to the schema's type: DWORD to boolean, text to number. */
function asChromeReads(raw: RegValue, type: string): unknown {
  if (type === 'boolean') {
    expect(raw.type).toBe('dword');
    return raw.value !== 0;
  }
  if (type === 'number') return Number(raw.value);
  expect(raw.type).toBe('sz');
  return raw.value;
}

describe('policy files', () => {
  it.each(POLICY_TARGETS)('%s: force-installs and round-trips hostile values', (target) => {
    const file = build(target, HOSTILE);
    const back = readBack(target, file, HOSTILE);
    expect(back.forceInstall).toEqual(expectedForceInstall(target));
    expect(back.settings).toEqual(HOSTILE);
    expect(file.steps.length).toBeGreaterThan(2);
  });

  it.each(POLICY_TARGETS)('%s: writes only the settings given', (target) => {
    const back = readBack(target, build(target, { strictMode: false }), { strictMode: false });
    expect(back.settings).toEqual({ strictMode: false });
  });

  it.each([
    ['chrome-linux', 'scam-guard-chrome.json'],
    ['chromium-linux', 'scam-guard-chromium.json'],
    ['edge-windows', 'scam-guard-edge.reg'],
    ['chrome-macos', 'scam-guard-chrome.mobileconfig'],
    ['firefox-windows', 'policies.json'],
  ] as const)('%s is saved as %s', (target, fileName) => {
    expect(build(target, {}).fileName).toBe(fileName);
  });

  it('writes a .reg file exactly as Registry Editor expects it', () => {
    const file = build('chrome-windows', {
      strictMode: true,
      familyContactName: 'A "B" \\ 小',
      resetWaitHours: 24,
    });
    expect(file.encoding).toBe('utf-16le');
    expect(file.text).toBe(
      [
        'Windows Registry Editor Version 5.00',
        '',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist]',
        '"1"="nficakcfecjbfmpiaemceabnbnomlkoc;https://clients2.google.com/service/update2/crx"',
        '',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\nficakcfecjbfmpiaemceabnbnomlkoc\\policy]',
        '"strictMode"=dword:00000001',
        '"familyContactName"="A \\"B\\" \\\\ 小"',
        '"resetWaitHours"=dword:00000018',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps Linux policy under the folder each browser reads', () => {
    const code = (target: PolicyTarget) =>
      build(target, {})
        .steps.map((s) => s.code)
        .join(' ');
    expect(code('chrome-linux')).toContain('/etc/opt/chrome/policies/managed/scam-guard.json');
    expect(code('chromium-linux')).toContain('/etc/chromium/policies/managed/scam-guard.json');
    expect(code('edge-linux')).toContain('/etc/opt/edge/policies/managed/scam-guard.json');
    expect(code('firefox-linux')).toContain('/etc/firefox/policies/policies.json');
  });

  it('refuses an extension id or update URL a browser would not accept', () => {
    const bad = (distribution: Distribution) => () =>
      policyFile({ target: 'chrome-linux', distribution, settings: {}, profileUuids: UUIDS });
    expect(bad({ ...DISTRIBUTION, chrome: { ...DISTRIBUTION.chrome, id: 'not-an-id' } })).toThrow(
      /extension id/,
    );
    expect(
      bad({ ...DISTRIBUTION, chrome: { ...DISTRIBUTION.chrome, updateUrl: 'http://x;y' } }),
    ).toThrow(/update URL/);
  });

  it('refuses a number no file can carry', () => {
    expect(() => build('chrome-linux', { resetWaitHours: Number.NaN })).toThrow(/finite/);
  });
});

// Any UTF-16 code unit, lone surrogates and control characters included.
const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

describe('any contact name', () => {
  it.each(POLICY_TARGETS)('%s: round-trips whenever the format can hold it', (target) => {
    const xml = target.endsWith('-macos') && !target.startsWith('firefox');
    fc.assert(
      fc.property(anyText, (name) => {
        const settings = { familyContactName: name };
        if (xml && NOT_IN_XML.test(name)) {
          // XML 1.0 cannot write these at all: refused, never written mangled.
          expect(() => build(target, settings)).toThrow(/configuration profile/);
          return;
        }
        expect(readBack(target, build(target, settings), settings).settings).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });
});
