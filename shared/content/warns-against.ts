/**
 * What honest pages about scams say and scam pages do not: that nobody honest asks for this,
 * that the reader should stop, beware, call the bank. A bank's new-payee page and a police
 * report form name the "safe account" to warn about it; a scam names it to ask for the
 * transfer. Wider than the model's `DISCLAIMS` cue, which wants a "never ask" beside a code
 * or password.
 */
const WARNS_AGAINST =
  /从不|绝不会|不会要求|不会让您|不存在所谓|没有所谓|请立即停止|谨防|警惕|都是诈骗|一律是诈骗|never ask|will never|never tell|there is no such thing|beware|scammers? (?:may|will|often|pretend)|stop and call/i;

/** Whether `text` warns its reader against a scam. */
export function warnsAgainstScams(text: string): boolean {
  return WARNS_AGAINST.test(text);
}
