import type { PageSignal } from './page-extract';

/**
 * The signals that show in a page's words: a payment prompt, an app download, a countdown.
 * The content script adds the ones only the DOM shows (download links, chat frames, full
 * screen). Bounded input (the extract's limits), linear regexes only.
 */
// A payment *prompt*: a button that pays, or words that tell the reader to pay. A news story
// that says "he transferred 800,000" mentions payment without prompting it.
const PAY_BUTTON = /支付|付款|充值|转账|缴纳|入金|下注|pay|deposit|top.?up|transfer|recharge/i;
const PAY_PROMPT =
  /立即支付|扫码支付|扫码付款|请(?:立即|尽快)?(?:转账|缴纳|支付|付款|充值)|pay now|scan to pay|make a payment now|transfer (?:it )?now/i;
const DOWNLOAD =
  /下载\s*app|下载客户端|安装\s*app|download (?:the |our )?app|install (?:the |our )?app|\.apk\b/i;
const COUNTDOWN =
  /倒计时|剩余\s*\d|\d+\s*分钟内|\d+\s*小时内|限时|countdown|expires? (?:in|at)|ends in|within \d+ (?:minutes|hours)|\b\d{1,2}:\d{2}:\d{2}\b/i;
const CHAT =
  /在线客服|联系客服|客服经理|live chat|chat with (?:us|an? agent|agent|officer)|contact (?:customer )?support/i;

export function textSignals(text: string, buttons: readonly string[]): PageSignal[] {
  const words = `${text}\n${buttons.join('\n')}`;
  const found: PageSignal[] = [];
  if (buttons.some((b) => PAY_BUTTON.test(b)) || PAY_PROMPT.test(text)) found.push('payment');
  if (DOWNLOAD.test(words)) found.push('download');
  if (COUNTDOWN.test(words)) found.push('countdown');
  if (CHAT.test(words)) found.push('chat-widget');
  return found;
}
