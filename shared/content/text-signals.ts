import type { PageSignal } from './page-extract';

/**
 * The signals that show in a page's words: a payment prompt, an app download, a countdown.
 * The content script adds the ones only the DOM shows (download links, chat frames, full
 * screen). Bounded input (the extract's limits), linear regexes only.
 */
const PAYMENT =
  /立即支付|去支付|付款|充值|转账|缴纳|入金|扫码支付|pay now|pay fee|pay and|make a payment|deposit now|top.?up|transfer now|pay with/i;
const DOWNLOAD =
  /下载\s*app|下载客户端|安装\s*app|download (?:the |our )?app|install (?:the |our )?app|\.apk\b/i;
const COUNTDOWN =
  /倒计时|剩余\s*\d|\d+\s*分钟内|\d+\s*小时内|限时|countdown|expires? (?:in|at)|ends in|within \d+ (?:minutes|hours)|\b\d{1,2}:\d{2}:\d{2}\b/i;
const CHAT =
  /在线客服|联系客服|客服经理|live chat|chat with (?:us|an? agent|agent|officer)|contact (?:customer )?support/i;

export function textSignals(text: string, buttons: readonly string[]): PageSignal[] {
  const words = `${text}\n${buttons.join('\n')}`;
  const found: PageSignal[] = [];
  if (PAYMENT.test(words)) found.push('payment');
  if (DOWNLOAD.test(words)) found.push('download');
  if (COUNTDOWN.test(words)) found.push('countdown');
  if (CHAT.test(words)) found.push('chat-widget');
  return found;
}
