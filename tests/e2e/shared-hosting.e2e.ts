import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, startSession, visit, WARNING_PAGE, type ExtensionBrowser } from './browser';
import { openPopupFor } from './family-helpers';
import type { SiteServer } from './site-server';

let site: SiteServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ site, browser, page } = await startSession());
  // A same-origin page that asks the browser to prerender another person's page.
  site.route(({ url }, res) => {
    if (url.pathname !== '/view/neighbour/prerender') return false;
    const to = url.searchParams.get('to')!;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>prerender</title><script type="speculationrules">` +
        `${JSON.stringify({ prerender: [{ source: 'list', urls: [to] }] })}</script>` +
        `<a id="go" href="${to}">next</a></html>`,
    );
    return true;
  });
});

afterAll(() => closeSession({ browser, site }));

/** What a visit after the block sent to `host` under `path`. */
const requestsSince = (mark: number, host: string, path = '/') =>
  site.requests.slice(mark).filter((r) => r.host === host && r.path.startsWith(path));

async function loads(url: string) {
  await visit(page, url);
  const host = new URL(url).hostname;
  await expect(page.locator('h1').textContent()).resolves.toBe(`Welcome to ${host}`);
}

async function blockFromPopup(expected: string) {
  const popup = await openPopupFor(browser, page);
  await popup.getByText(`${expected} and all its pages will be blocked`).waitFor();
  await popup.getByRole('button', { name: 'Block this site' }).click();
  await popup.getByText(`You blocked ${expected}`, { exact: false }).waitFor();
  await popup.close();
}

describe('shared hosting is not one site', () => {
  it('"Block this site" on a private-suffix host blocks that site only', async () => {
    await loads(site.url('fake-bank.github.io', '/login'));
    await blockFromPopup('fake-bank.github.io');
    const mark = site.requests.length;
    await visit(page, site.url('www.fake-bank.github.io', '/login'), WARNING_PAGE);
    expect(requestsSince(mark, 'www.fake-bank.github.io')).toEqual([]);
    await loads(site.url('someone-else.github.io'));
  });

  it('"Block this site" on a page of sites.google.com blocks that page\'s site, not Google', async () => {
    await loads(site.httpsUrl('sites.google.com', '/view/fake-refund/home'));
    await blockFromPopup('sites.google.com/view/fake-refund');
    const mark = site.requests.length;
    await visit(page, site.httpsUrl('sites.google.com', '/view/fake-refund/pay'), WARNING_PAGE);
    expect(requestsSince(mark, 'sites.google.com', '/view/fake-refund')).toEqual([]);
    await loads(site.httpsUrl('sites.google.com', '/view/neighbour/'));
    await loads(site.httpsUrl('www.google.com'));
    await loads(site.httpsUrl('mail.google.com'));
  });

  it('refuses a prerender of the blocked page from a neighbour on the same host', async () => {
    const target = site.httpsUrl('sites.google.com', '/view/fake-refund/next');
    const mark = site.requests.length;
    await visit(
      page,
      site.httpsUrl(
        'sites.google.com',
        `/view/neighbour/prerender?to=${encodeURIComponent(target)}`,
      ),
    );
    await page.click('#go');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(WARNING_PAGE);
    expect(requestsSince(mark, 'sites.google.com', '/view/fake-refund')).toEqual([]);
  });

  it('"Report this page" on shared hosting blocks the one site it reports', async () => {
    await loads(site.url('refund-desk.github.io', '/claim'));
    const popup = await openPopupFor(browser, page);
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await popup.getByRole('button', { name: 'Send report' }).click();
    await popup.getByText(/Reported\. Thank you/).waitFor();
    await popup.close();
    await visit(page, site.url('refund-desk.github.io', '/again'), WARNING_PAGE);
    await loads(site.url('my-portfolio.github.io'));
  });

  it('blocks one customer of a host that gives each a subdomain, not the host', async () => {
    await loads(site.url('cheap-loans.000webhostapp.com'));
    await blockFromPopup('cheap-loans.000webhostapp.com');
    await visit(page, site.url('www.cheap-loans.000webhostapp.com'), WARNING_PAGE);
    await loads(site.url('bakery.000webhostapp.com'));
  });

  it('offers no "Block this site" for a site on the allowlist', async () => {
    await loads(site.url('www.icbc.com.cn'));
    const popup = await openPopupFor(browser, page);
    await popup.getByTestId('verdict').waitFor();
    await expect(popup.getByRole('button', { name: 'Block this site' }).count()).resolves.toBe(0);
    await popup.close();
  });
});
