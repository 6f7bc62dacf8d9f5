import type { PageSignal } from './page-extract';

/**
 * The signals that show in a page's words: a payment prompt, an app download, a countdown.
 * The content script adds the ones only the DOM shows (download links, chat frames, full
 * screen). Bounded input (the extract's limits), linear regexes only.
 *
 * Each signal is what a scam page *does* to its reader, not a word it shares with manuals:
 * release notes and program messages are full of clock times, "expires at", "countdown" (a
 * test helper), ".apk" (a build output) and "contact support@…", and a signal there lets
 * the model judge a page that asks for nothing.
 */
// A payment *prompt*: a button that pays, or words that tell the reader to pay. A news story
// that says "he transferred 800,000" mentions payment without prompting it.
const PAY_BUTTON = /支付|付款|充值|转账|缴纳|入金|下注|pay|deposit|top.?up|transfer|recharge/i;
const PAY_PROMPT =
  /立即支付|扫码支付|扫码付款|请(?:立即|尽快)?(?:转账|缴纳|支付|付款|充值)|pay now|scan to pay|make a payment now|transfer (?:it )?now/i;

// An offer to install the site's own app, in its words or on a button. Build and install
// instructions name the same things ("the app", "app-release.apk") without offering them.
const DOWNLOAD =
  /(?:下载|安装)\s*(?:app|apk|客户端)|(?:app|apk|客户端)\s*(?:下载|安装)|(?:download|install) our app\b|(?:download|install) (?:the )?app (?:now|today|to (?:get|claim|receive|apply|start|withdraw|earn|continue))\b/i;
const DOWNLOAD_BUTTON =
  /^(?:立即|马上|点击|扫码)(?:下载|安装)|^(?:download|install|get)(?: the| our)? (?:app|apk)\b|^(?:download|install) now\b/i;

// A countdown as a scam shows one: a time that is running out, next to the words that say
// so — 剩余 14:59, 倒计时 00:14:59, 30 分钟后关闭, "expires in 10 minutes", "time left
// 02:59:30". A clock time or a date on its own is a time of day or a release stamp.
const CLOCK = String.raw`\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?`;
// Spans have at most four digits, so a long run of digits costs each position a few steps.
const SPAN_ZH = String.raw`\d{1,4}\s*(?:秒|分钟|分(?=\s*\d{1,2}\s*秒)|个?小时|时(?=\s*\d{1,2}\s*分)|天)`;
const SPAN_EN = String.raw`\d{1,4}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b`;
const ENDS_ZH = '关闭|失效|过期|作废|冻结|注销|截止|到期|取消|锁定|清零';
const ENDS_EN = 'suspended|locked|closed|deleted|frozen|blocked|cancell?ed|terminated|disabled';
const COUNTDOWN = new RegExp(
  [
    String.raw`(?:倒计时|剩余(?:支付)?时间|剩余|仅剩|还剩|只剩|限时)\s*[:：]?\s*(?:${CLOCK}|${SPAN_ZH})`,
    String.raw`(?:请|须|需|务必|必须)(?:在|于)\s*${SPAN_ZH}\s*内`,
    String.raw`${SPAN_ZH}\s*[后内]\s*(?:将\s*)?(?:${ENDS_ZH})`,
    String.raw`\b(?:countdown|time (?:left|remaining)|remaining time)\s*:?\s*(?:${CLOCK}|${SPAN_EN})`,
    String.raw`\b(?:expires?|expiring|ends|ending|closes|closing|${ENDS_EN}) (?:in|within) (?:less than )?(?:${CLOCK}|${SPAN_EN})`,
    String.raw`(?:${CLOCK}|${SPAN_EN}) (?:left|remaining)\b`,
    String.raw`\bwithin ${SPAN_EN},? or (?:your|the|you)\b`,
  ].join('|'),
  'i',
);

// A chat with the site's "agent". An e-mail address (support@…) is how manuals say it.
const CHAT =
  /在线客服|联系客服|客服经理|live chat|chat with (?:us|an? agent|agent|officer)|contact (?:customer )?support(?!@)/i;

// A prompt to phone a number, as tech-support and fake-police pages end: "立即拨打微软技术支持
// 热线 400-…", "Call Apple Support now: 0800 …". The number must be a full one (seven digits
// or more): the short lines honest pages send people to (110, 96110, 101, 159, 911) are
// public services a scam cannot answer. A corpus page writes a number as 400-XXX-XXXX, so
// an X counts as a digit.
const CALL_THEN_NUMBER =
  /(?:拨打|致电|呼叫|打电话|\bcall|\bphone|\bring|\bdial)[^\d\n]{0,24}(\+?\d[\dXx]{0,4}(?:[\s\-–.()]{1,2}[\dXx]{1,5}){0,4})/gi;
const CALL_BUTTON =
  /^(?:立即|马上|请)?(?:拨打|致电)(?:电话|热线|客服|技术支持|支持电话)|^call (?:now|support|the support line|toll.?free)\b/i;

function promptsCall(words: string, buttons: readonly string[]): boolean {
  if (buttons.some((b) => CALL_BUTTON.test(b.trim()))) return true;
  for (const [, number] of words.matchAll(CALL_THEN_NUMBER)) {
    if ((number!.match(/[\dXx]/g)?.length ?? 0) >= 7) return true;
  }
  return false;
}

export function textSignals(text: string, buttons: readonly string[]): PageSignal[] {
  const words = `${text}\n${buttons.join('\n')}`;
  const found: PageSignal[] = [];
  if (buttons.some((b) => PAY_BUTTON.test(b)) || PAY_PROMPT.test(text)) found.push('payment');
  if (DOWNLOAD.test(words) || buttons.some((b) => DOWNLOAD_BUTTON.test(b.trim())))
    found.push('download');
  if (COUNTDOWN.test(words)) found.push('countdown');
  if (CHAT.test(words)) found.push('chat-widget');
  if (promptsCall(words, buttons)) found.push('call-prompt');
  return found;
}

export interface PageLink {
  readonly href: string;
  readonly text: string;
  /** The `download` attribute's file name, when the link has one. */
  readonly download?: string | null;
}

// An Android package served from the page itself, not a store, is how scam apps are handed
// out; a Windows installer counts when the link offers it ("下载", "Download now"), not when
// build instructions point at one ("the Build Tools").
const APK = /\.apk$/i;
const INSTALLER = /\.(?:exe|msi)$/i;
const OFFERS_INSTALL = /下载|安装|download|install/i;

/** True when a link hands the reader an app to install. */
export function offersAppDownload(link: PageLink): boolean {
  const file = [link.href.replace(/[?#].*$/, ''), link.download ?? ''];
  if (file.some((f) => APK.test(f))) return true;
  return file.some((f) => INSTALLER.test(f)) && OFFERS_INSTALL.test(link.text);
}
