import type { CorpusSample } from './content-corpus';

/**
 * A corpus page as an ordinary HTML page: its title, its text, a form with its fields' labels
 * and its buttons, and what its signals are on such pages (a chat widget, an app link, a
 * labelled timer, a payment button). The browser tests serve it to the real content script;
 * `browserView` reads it with the same extraction code, so the two see the same page.
 */
const INPUT_TYPE: Readonly<Record<string, string>> = { password: 'password', phone: 'tel' };

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fixtureHtml(sample: CorpusSample): string {
  const p = sample.page;
  const fields = p.fields
    .map(
      (f, i) =>
        `<p><label for="f${i}">${escape(f.label)}</label> <input id="f${i}" type="${INPUT_TYPE[f.kind] ?? 'text'}"></p>`,
    )
    .join('');
  const buttons = p.buttons.map((b) => `<button type="button">${escape(b)}</button>`).join(' ');
  const lang = sample.lang === 'zh' ? 'zh-CN' : 'en';
  // What the sample says the page has, as such pages show it: a widget, a link, a labelled
  // timer.
  const has = (signal: string) => p.signals.includes(signal as (typeof p.signals)[number]);
  const extras = [
    has('chat-widget') ? '<div id="kefu-chat-widget" class="livechat"><p>💬</p></div>' : '',
    has('download') ? '<p><a href="/app/latest.apk">⬇ app</a></p>' : '',
    has('countdown')
      ? `<p class="timer">${sample.lang === 'zh' ? '剩余支付时间' : 'Time left'} <span>00:14:59</span></p>`
      : '',
    has('payment')
      ? `<p><button type="button">${sample.lang === 'zh' ? '立即支付' : 'Pay now'}</button></p>`
      : '',
  ].join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(p.title)}</title></head>
<body><h1>${escape(p.title)}</h1><p>${escape(p.text)}</p><form>${fields}${buttons}</form>${extras}</body></html>`;
}
