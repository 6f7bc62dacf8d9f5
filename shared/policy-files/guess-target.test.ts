import { describe, expect, it } from 'vitest';
import { guessTarget } from './guess-target';

const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const EDGE_WIN = `${CHROME_WIN} Edg/140.0.0.0`;
const FIREFOX_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

describe('guessTarget', () => {
  it.each([
    [CHROME_WIN, 'Win32', ['Google Chrome', 'Chromium'], 'chrome-windows'],
    [CHROME_MAC, 'MacIntel', ['Google Chrome', 'Chromium'], 'chrome-macos'],
    [CHROME_LINUX, 'Linux x86_64', ['Google Chrome', 'Chromium'], 'chrome-linux'],
    [CHROME_LINUX, 'Linux x86_64', ['Chromium'], 'chromium-linux'],
    [EDGE_WIN, 'Win32', ['Microsoft Edge', 'Chromium'], 'edge-windows'],
    [FIREFOX_MAC, 'MacIntel', undefined, 'firefox-macos'],
    [FIREFOX_LINUX, 'Linux x86_64', undefined, 'firefox-linux'],
    // The platform string can be empty (frozen by the browser): the user agent still tells.
    [CHROME_WIN, '', undefined, 'chrome-windows'],
  ] as const)('%s on %s (%s) is %s', (userAgent, platform, brands, target) => {
    expect(guessTarget({ userAgent, platform, brands })).toBe(target);
  });
});
