import {
  EXTRACT_LIMITS,
  fieldKind,
  offersAppDownload,
  textSignals,
  type ExtractField,
  type PageExtract,
  type PageSignal,
} from '../../shared/content';

/**
 * Reads what the content check needs from the page, within fixed bounds: at most
 * EXTRACT_LIMITS.text characters of text and a bounded number of nodes, fields and buttons.
 * It reads only the DOM tree and attributes — never computed style or geometry — so it
 * forces no style recalculation or layout on the page; the price is that text hidden by CSS
 * is read too. It builds nothing into the page.
 */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'HEAD',
]);
const MAX_NODES = 30_000;
const CHAT_MARK = /chat|kefu|livechat|intercom|crisp|tawk|zendesk|meiqia|udesk|customer.?service/i;

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function hiddenByAttribute(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')
  );
}

export function visibleText(root: Node, limit: number = EXTRACT_LIMITS.text): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      return SKIP.has(el.tagName.toUpperCase()) || hiddenByAttribute(el)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_SKIP;
    },
  });
  const parts: string[] = [];
  let length = 0;
  for (let n = 0, node = walker.nextNode(); node && n < MAX_NODES; n++, node = walker.nextNode()) {
    const text = clean(node.nodeValue);
    if (!text) continue;
    parts.push(text);
    length += text.length + 1;
    if (length >= limit) break;
  }
  return parts.join(' ').slice(0, limit);
}

function labelOf(doc: Document, input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) {
  const byFor = input.id ? doc.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  const around = input.closest('label');
  return clean(
    [
      input.getAttribute('aria-label'),
      byFor?.textContent,
      around?.textContent,
      input.getAttribute('placeholder'),
      input.getAttribute('name'),
    ]
      .filter(Boolean)
      .join(' '),
  ).slice(0, EXTRACT_LIMITS.fieldLabel);
}

function fields(doc: Document): ExtractField[] {
  const out: ExtractField[] = [];
  for (const el of doc.querySelectorAll<HTMLInputElement>('input, textarea, select')) {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (
      ['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio', 'file'].includes(type)
    )
      continue;
    const label = labelOf(doc, el);
    out.push({
      kind: fieldKind({ type, autocomplete: el.getAttribute('autocomplete') ?? '', label }),
      label,
    });
    if (out.length >= EXTRACT_LIMITS.fields) break;
  }
  return out;
}

function buttons(doc: Document): string[] {
  const out: string[] = [];
  const selector = 'button, a[href], input[type="submit"], input[type="button"], [role="button"]';
  for (const el of doc.querySelectorAll(selector)) {
    const text = clean(el instanceof HTMLInputElement ? el.value : el.textContent).slice(
      0,
      EXTRACT_LIMITS.buttonText,
    );
    if (text) out.push(text);
    if (out.length >= EXTRACT_LIMITS.buttons) break;
  }
  return out;
}

const INSTALLER_LINKS = ['href', 'download']
  .flatMap((attr) => ['.apk', '.exe', '.msi'].map((ext) => `a[${attr}*="${ext}" i]`))
  .join(', ');

function domSignals(doc: Document): PageSignal[] {
  const found: PageSignal[] = [];
  // Only links that name an .apk, .exe or .msi anywhere are read further: most pages have
  // none, and reading the text of each of their links would be work on the page's thread.
  const links = [...doc.querySelectorAll<HTMLAnchorElement>(INSTALLER_LINKS)].slice(0, 2000);
  if (
    links.some((a) =>
      offersAppDownload({
        href: a.getAttribute('href') ?? '',
        download: a.getAttribute('download'),
        text: clean(a.textContent).slice(0, EXTRACT_LIMITS.buttonText),
      }),
    )
  )
    found.push('download');
  const frames = [...doc.querySelectorAll('iframe[src], [id], [class]')].slice(0, 2000);
  if (
    frames.some((el) =>
      CHAT_MARK.test(`${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('src') ?? ''}`),
    )
  )
    found.push('chat-widget');
  if (doc.fullscreenElement) found.push('fullscreen');
  if (
    [...doc.querySelectorAll('audio[loop], video[loop]')].some(
      (m) => !(m as HTMLMediaElement).paused,
    )
  )
    found.push('audio-loop');
  return found;
}

/** The extract for `doc`; `extra` adds what only the script's observers saw (full screen…). */
export function extractPage(doc: Document, extra: readonly PageSignal[] = []): PageExtract {
  const text = doc.body ? visibleText(doc.body) : '';
  const title = clean(doc.title).slice(0, EXTRACT_LIMITS.title);
  const buttonTexts = buttons(doc);
  const signals = new Set<PageSignal>([
    ...textSignals(`${title} ${text}`, buttonTexts),
    ...domSignals(doc),
    ...extra,
  ]);
  return {
    host: doc.location?.hostname ?? '',
    title,
    text,
    fields: fields(doc),
    buttons: buttonTexts,
    signals: [...signals],
  };
}
