/**
 * The kinds of sender the background tells apart. Each is one of the extension's own
 * pages (by its URL) or, for `content`, the extension's own content script in a web page;
 * web pages themselves cannot message the extension (no `externally_connectable`).
 */
export type SenderKind = 'popup' | 'options' | 'warning' | 'welcome' | 'content';

/** For every message name, the senders allowed to send it. */
export type SenderTable<N extends string> = { readonly [K in N]: readonly SenderKind[] };
