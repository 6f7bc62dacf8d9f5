import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { justifiedPermissions, storeProblems } from './store-rules';

const icon = readFileSync('extension/icons/icon-128.png');
const icon16 = readFileSync('extension/icons/icon-16.png');
const icon48 = readFileSync('extension/icons/icon-48.png');
const utf8 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

const README = [
  '## Permissions',
  '| permission | why |',
  '| --- | --- |',
  '| `storage` | keeps settings |',
  '| `alarms`  | wakes the sync |',
  '| `tabs`    |  |',
  '## Next',
].join('\n');
const MANIFEST = {
  manifest_version: 3,
  name: '__MSG_extName__',
  description: 'Warns you.',
  default_locale: 'en',
  icons: { '16': 'i16.png', '48': 'i48.png', '128': 'i128.png' },
  background: { service_worker: 'sw.js' },
  permissions: ['storage', 'alarms'],
  content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'" },
};

function pkg(manifest: object = MANIFEST, extra: Record<string, unknown> = {}) {
  return new Map<string, Uint8Array>([
    ['manifest.json', utf8(manifest)],
    ['_locales/en/messages.json', utf8({ extName: { message: 'Scam Guard' } })],
    ['i16.png', icon16],
    ['i48.png', icon48],
    ['i128.png', icon],
    ['sw.js', utf8('console.log(1)')],
    ...Object.entries(extra).map(([k, v]) => [k, utf8(v)] as [string, Uint8Array]),
  ]);
}

describe('storeProblems', () => {
  it('passes a package that keeps the rules', () => {
    expect(storeProblems(pkg(), 1000, README)).toEqual([]);
  });

  it.each([
    ['a manifest key', { ...MANIFEST, key: 'MIIB' }, {}, /refuses a manifest with a "key"/],
    ['MV2', { ...MANIFEST, manifest_version: 2 }, {}, /manifest_version must be 3/],
    [
      'an unjustified permission',
      { ...MANIFEST, permissions: ['storage', 'tabs'] },
      {},
      /tabs is not justified/,
    ],
    [
      'a missing 128px icon',
      { ...MANIFEST, icons: { '16': 'i16.png', '48': 'i48.png' } },
      {},
      /no 128px icon/,
    ],
    [
      'an icon of the wrong size',
      { ...MANIFEST, icons: { ...MANIFEST.icons, '48': 'i128.png' } },
      {},
      /is 128x128, declared 48/,
    ],
    [
      'a missing background file',
      { ...MANIFEST, background: { service_worker: 'gone.js' } },
      {},
      /names gone.js, which is missing/,
    ],
    [
      'a remote script tag',
      MANIFEST,
      { 'popup.html': '<script src="https://cdn.example/x.js"></script>' },
      /popup.html may run remote/,
    ],
    ['eval', MANIFEST, { 'a.js': 'eval(code)' }, /a.js may run remote or generated code/],
    [
      'a loose CSP',
      {
        ...MANIFEST,
        content_security_policy: {
          extension_pages: "script-src 'self' 'wasm-unsafe-eval' https://x",
        },
      },
      {},
      /script-src must be 'self' alone/,
    ],
    [
      'a long description',
      { ...MANIFEST, description: 'x'.repeat(133) },
      {},
      /description over 132 characters/,
    ],
  ])('refuses %s', (_what, manifest, extra, problem) => {
    expect(storeProblems(pkg(manifest, extra), 1000, README)).toEqual([
      expect.stringMatching(problem),
    ]);
  });

  it('counts the static rules of enabled rulesets', () => {
    const manifest = {
      ...MANIFEST,
      declarative_net_request: { rule_resources: [{ id: 'a', enabled: true, path: 'r.json' }] },
    };
    const rules = Array.from({ length: 30_001 }, (_, id) => ({ id }));
    expect(storeProblems(pkg(manifest, { 'r.json': rules }), 1000, README)).toEqual([
      expect.stringMatching(/30001 static rules/),
    ]);
  });
});

describe('justifiedPermissions', () => {
  it('reads the permissions section of this README, which justifies every permission', () => {
    const justified = justifiedPermissions(readFileSync('README.md', 'utf8'));
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { permissions: string[] };
    for (const permission of manifest.permissions) expect(justified.get(permission)).toBeTruthy();
  });
});
