import browser from 'webextension-polyfill';
import { fieldKind, type FieldKind } from '../../shared/content';

/**
 * On a page judged suspicious, what people must never type there — a bank card number, an
 * ID number, an SMS code, a password — is held until the user answers a plain question. The
 * question is built with DOM calls from our own strings only, inside a closed shadow root
 * the page's scripts cannot reach, and it answers only trusted (real) clicks and keys. In
 * strict mode there is no "continue": the field stays closed on this page.
 */
type Guarded = Extract<FieldKind, 'card' | 'id-number' | 'sms-code' | 'password'>;
const GUARDED: readonly Guarded[] = ['card', 'id-number', 'sms-code', 'password'];
const QUESTION: Record<Guarded, string> = {
  card: 'contentGuardCard',
  'id-number': 'contentGuardId',
  'sms-code': 'contentGuardSms',
  password: 'contentGuardPassword',
};
// 13-19 digits, spaces or dashes between groups: what a card number looks like as typed.
const CARD_LIKE = /(?:\d[ -]?){12,18}\d/;
const ID_LIKE = /^\d{17}[\dXx]$/;

const msg = (key: string): string => browser.i18n.getMessage(key) || key;

function label(el: HTMLInputElement | HTMLTextAreaElement): string {
  const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  return [
    el.getAttribute('aria-label'),
    byFor?.textContent,
    el.closest('label')?.textContent,
    el.placeholder,
    el.name,
  ]
    .filter(Boolean)
    .join(' ')
    .slice(0, 200);
}

function kindOf(el: HTMLInputElement | HTMLTextAreaElement, next: string): Guarded | null {
  const kind = fieldKind({
    type: el.getAttribute('type') ?? 'text',
    autocomplete: el.getAttribute('autocomplete') ?? '',
    label: label(el),
  });
  if ((GUARDED as readonly string[]).includes(kind)) return kind as Guarded;
  if (CARD_LIKE.test(next)) return 'card';
  if (ID_LIKE.test(next.trim())) return 'id-number';
  return null;
}

function showPrompt(kind: Guarded, strict: boolean, answer: (go: boolean) => void): () => void {
  const host = document.createElement('div');
  host.setAttribute('style', 'all: initial; position: fixed; inset: 0; z-index: 2147483647;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / 55%); display: grid; place-items: center; font: 18px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; }
    .box { background: #fff; color: #1f1f1f; max-width: 32rem; margin: 1rem; padding: 1.5rem; border-radius: 12px; border-top: 8px solid #8a5300; }
    h2 { margin: 0 0 .5rem; font-size: 1.3rem; }
    button { font: inherit; padding: .6rem 1.2rem; margin: .5rem .5rem 0 0; border-radius: 8px; border: 2px solid #1f1f1f; background: #fff; color: #1f1f1f; cursor: pointer; }
    button.primary { background: #1e6b35; border-color: #1e6b35; color: #fff; }`;
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'q');
  const heading = document.createElement('h2');
  heading.id = 'q';
  heading.textContent = msg(QUESTION[kind]);
  const note = document.createElement('p');
  note.textContent = msg(strict ? 'contentGuardStrict' : 'contentGuardNote');
  const stop = document.createElement('button');
  stop.className = 'primary';
  stop.textContent = msg('contentGuardStop');
  box.append(heading, note, stop);
  const go = strict ? null : document.createElement('button');
  if (go) {
    go.textContent = msg('contentGuardContinue');
    box.append(go);
  }
  backdrop.append(box);
  root.append(style, backdrop);
  document.documentElement.append(host);
  const close = () => host.remove();
  const on = (button: HTMLButtonElement, value: boolean) =>
    button.addEventListener('click', (event) => {
      if (!event.isTrusted) return; // a page script cannot answer for the user
      close();
      answer(value);
    });
  on(stop, false);
  if (go) on(go, true);
  stop.focus();
  return close;
}

export function guardInputs(doc: Document, options: { strict: boolean }): void {
  const allowed = new Set<Guarded>();
  let open: Guarded | null = null;
  doc.addEventListener(
    'beforeinput',
    (event) => {
      try {
        const el = event.target;
        if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
        const next = `${el.value}${event.data ?? ''}`;
        const kind = kindOf(el, next);
        if (!kind || allowed.has(kind)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (open) return;
        open = kind;
        el.blur();
        showPrompt(kind, options.strict, (go) => {
          open = null;
          if (go) {
            allowed.add(kind);
            el.focus();
          }
        });
      } catch {
        // Never into the page.
      }
    },
    true,
  );
}
