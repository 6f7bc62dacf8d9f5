import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * The page the browser opens after Scam Guard was removed (the extension's uninstall URL):
 * fixed text in Chinese, then English, for the person who just removed it. Nothing from the
 * request is ever written into it, so it needs no escaping and allows no script at all.
 */
export type FarewellOutcome = 'told' | 'removed' | 'invalid';

const REMOVED = {
  zh: '反诈卫士已从此浏览器中移除。',
  en: 'Scam Guard was removed from this browser.',
};
const TOLD = { zh: '已通知您的家人。', en: 'Your family has been told.' };
const INVALID = { zh: '此链接无效。', en: 'This link is not valid.' };

const TEXT: Record<FarewellOutcome, { zh: string; en: string }> = {
  told: { zh: REMOVED.zh + TOLD.zh, en: `${REMOVED.en} ${TOLD.en}` },
  removed: REMOVED,
  invalid: INVALID,
};

// Large, plain and readable at 200% zoom: one column that wraps, sizes in rem.
const STYLE = `body{margin:0;font:1.5rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:3rem auto;padding:0 1.25rem}
h1{font-size:1.25rem;color:#555;margin:0 0 1.5rem}p{margin:0 0 1.5rem}`;

// The one style sheet is allowed by its hash, so not even an injected style could apply.
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function render(outcome: FarewellOutcome): string {
  const { zh, en } = TEXT[outcome];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>反诈卫士 · Scam Guard</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>反诈卫士 · <span lang="en">Scam Guard</span></h1>
<p>${zh}</p>
<p lang="en">${en}</p>
</main>
</body>
</html>
`;
}

const PAGES = Object.fromEntries(
  (Object.keys(TEXT) as FarewellOutcome[]).map((outcome) => [outcome, render(outcome)]),
) as Record<FarewellOutcome, string>;

/**
 * Sends one of the fixed pages. The address holds the channel id and the sealed box, so the
 * page keeps it to itself: no referrer, not cached, nothing loaded, not framed.
 */
export function sendFarewellPage(reply: FastifyReply, status: number, outcome: FarewellOutcome) {
  return reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CSP)
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Content-Type-Options', 'nosniff')
    .send(PAGES[outcome]);
}
