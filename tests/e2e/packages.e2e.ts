import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../extension/platform/firefox-manifest';
import { readTree, unzip } from '../../scripts/lib/package-zip';
import { storePackages } from '../../scripts/lib/store-packages';
import { storeProblems } from '../../scripts/lib/store-rules';

// Not a browser test, but it needs both builds, which exist by the time browser tests run.
const build = () =>
  storePackages({
    root: '.',
    chromeDir: 'dist',
    firefoxDir: 'dist-firefox',
    feeds: new Map([['data/blocklists/feed.txt', Buffer.from('scam.example\n')]]),
  });
const packages = build();
const json = (bytes: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(bytes!).toString('utf8')) as Record<string, unknown>;

describe('the store packages, unpacked', () => {
  it('the Chrome zip holds exactly the Chrome build, its manifest without the key', () => {
    const files = unzip(packages.chrome);
    const built = readTree('dist');
    expect([...files.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [path, bytes] of built) {
      if (path !== 'manifest.json') expect(Buffer.compare(files.get(path)!, bytes), path).toBe(0);
    }
    const { key, ...rest } = json(built.get('manifest.json'));
    expect(key).toBeTruthy();
    expect(json(files.get('manifest.json'))).toEqual(rest);
  });

  it('the Chrome zip passes the store checks', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(storeProblems(unzip(packages.chrome), packages.chrome.length, readme)).toEqual([]);
  });

  it('the .xpi holds exactly the Firefox build, with its add-on id and data declaration', () => {
    const files = unzip(packages.firefox);
    const built = readTree('dist-firefox');
    expect([...files.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [path, bytes] of built) {
      expect(Buffer.compare(files.get(path)!, bytes), path).toBe(0);
    }
    expect(json(files.get('manifest.json'))).toMatchObject({
      background: { scripts: [expect.any(String)] },
      browser_specific_settings: {
        gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } },
      },
    });
  });

  it('the source archive holds every file under version control, the feeds and BUILD.md', () => {
    const files = unzip(packages.source);
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).trim().split('\n');
    expect([...files.keys()].sort()).toEqual([...tracked, 'data/blocklists/feed.txt'].sort());
    expect(Buffer.from(files.get('BUILD.md')!).toString()).toContain('npm run build:firefox');
    expect([...files.keys()].filter((path) => path.startsWith('.keys/'))).toEqual([]);
  });

  it('is byte for byte the same when packaged again', () => {
    const again = build();
    for (const kind of ['chrome', 'firefox', 'source'] as const) {
      expect(Buffer.compare(again[kind], packages[kind]), kind).toBe(0);
    }
  });
});
