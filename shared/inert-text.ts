/**
 * Makes untrusted text (a URL, a host) safe to show as plain text: characters that are
 * invisible or that reorder what follows them (bidi overrides such as U+202E, zero-width
 * joiners, control characters) are replaced by a visible `⟨U+202E⟩`, so "moc.knab" cannot
 * pose as "bank.com". HTML needs no escaping here: the UI renders this as a text node.
 */
// Control and format characters (bidi overrides, zero-width joiners, BOM), line and
// paragraph separators, variation selectors and the Hangul fillers that render as blanks.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]/gu;

export function inertText(text: string, maxLength = 2048): string {
  const visible = text.replace(
    HIDDEN,
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
  return visible.length > maxLength ? `${visible.slice(0, maxLength)}…` : visible;
}

/**
 * A URL as a person reads it: percent-escapes decoded where they form valid UTF-8 (so a
 * Chinese path is readable and a hidden `%E2%80%AE` is exposed), then made inert.
 */
export function readableUrl(url: string, maxLength = 2048): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Broken escapes: show the URL exactly as it came.
  }
  return inertText(decoded, maxLength);
}
