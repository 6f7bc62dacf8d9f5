import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const LINKS: [string, string][] = [
  ['refund-desk.test', 'A fake refund desk / 假冒退款客服'],
  ['police-case-check.test', 'A fake police "case check" / 冒充公安查案'],
  ['quick-credit-limit.test', 'A fake credit-limit offer / 虚假提额'],
  ['like-and-earn-tasks.test', 'Paid "tasks" / 刷单返利'],
  ['lucky-casino-vip.test', 'Online gambling / 网络赌博'],
  ['0001interac.com', 'A phishing site from the bundled list / 内置名单中的钓鱼网站'],
  ['www.icbc.com.cn', 'A real bank (allowlisted) / 真正的银行（白名单）'],
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The demo page `npm start` opens, and the stand-in for every site it links to: with
 * `--host-resolver-rules` every demo host reaches this local server, so nothing real is
 * visited, and the extension decides what the user gets to see.
 */
export async function startDemoSite(): Promise<{ url: string; port: number; close(): void }> {
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const port = (server.address() as AddressInfo).port;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (host !== 'scam-guard-demo.test') {
      res.end(`<!doctype html><title>${escapeHtml(host)}</title><h1>${escapeHtml(host)}</h1>
<p>If you can read this, Scam Guard let the page through. 如果您看到这段文字，说明反诈卫士放行了此页面。</p>`);
      return;
    }
    const items = LINKS.map(
      ([site, label]) =>
        `<li><a href="http://${site}:${port}/">${escapeHtml(label)}</a> <code>${site}</code></li>`,
    ).join('\n');
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Scam Guard demo</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px}</style>
<h1>Scam Guard demo / 反诈卫士演示</h1>
<p>Each link below is a made-up site served from this computer. Open one and see what the
extension does. 下面每个链接都是本机提供的虚构网站，点开看看扩展如何处理。</p>
<ul>${items}</ul>
<p>Then open the extension's popup (the shield in the toolbar): report a page, block a site,
or set up family mode in its settings.</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://scam-guard-demo.test:${port}/`, port, close: () => server.close() };
}
