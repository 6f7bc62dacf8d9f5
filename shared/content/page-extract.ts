/**
 * What the content script reads from a page, and the only shape the classifier sees. It
 * arrives from a web page's process, so `parsePageExtract` treats it as hostile: every
 * string is cut to a bound and every list to a length, and anything malformed is refused.
 */
export const FIELD_KINDS = [
  'card',
  'id-number',
  'sms-code',
  'password',
  'phone',
  'name',
  'amount',
  'bank-account',
  'other',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const PAGE_SIGNALS = [
  /** A pay / transfer / top-up prompt or a payment QR code. */
  'payment',
  /** An app or file download offered (APK, EXE, "install the app"). */
  'download',
  /** A chat widget or "contact customer service" pane. */
  'chat-widget',
  /** A countdown or "within N minutes" timer on the page. */
  'countdown',
  /** Words or a button that tell the reader to phone a full number ("call 1-800-…"). */
  'call-prompt',
  /** The page asked for full screen, locked the keyboard, looped audio or trapped Back. */
  'fullscreen',
  'keyboard-lock',
  'audio-loop',
  'history-trap',
] as const;
export type PageSignal = (typeof PAGE_SIGNALS)[number];

/** The signals of a page that holds its reader: what scareware does and honest pages do not. */
export const LOCK_SIGNALS: ReadonlySet<PageSignal> = new Set<PageSignal>([
  'fullscreen',
  'keyboard-lock',
  'audio-loop',
  'history-trap',
]);

export interface ExtractField {
  readonly kind: FieldKind;
  /** The label, placeholder or name that says what the field asks for. */
  readonly label: string;
}

export interface PageExtract {
  readonly host: string;
  readonly title: string;
  /** Visible text, in document order, whitespace collapsed. */
  readonly text: string;
  readonly fields: readonly ExtractField[];
  /** Texts of buttons and links. */
  readonly buttons: readonly string[];
  readonly signals: readonly PageSignal[];
}

export const EXTRACT_LIMITS = {
  host: 253,
  title: 300,
  text: 20_000,
  fields: 40,
  fieldLabel: 120,
  buttons: 80,
  buttonText: 80,
} as const;

function text(value: unknown, max: number, where: string): string {
  if (typeof value !== 'string') throw new TypeError(`${where}: expected a string`);
  return value.length > max ? value.slice(0, max) : value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array`);
  return value;
}

const isFieldKind = (v: unknown): v is FieldKind =>
  typeof v === 'string' && (FIELD_KINDS as readonly string[]).includes(v);
const isSignal = (v: unknown): v is PageSignal =>
  typeof v === 'string' && (PAGE_SIGNALS as readonly string[]).includes(v);

export function parsePageExtract(raw: unknown): PageExtract {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('page extract: not an object');
  const r = raw as Record<string, unknown>;
  const fields = list(r.fields, 'fields')
    .slice(0, EXTRACT_LIMITS.fields)
    .map((f, i) => {
      const field = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
      if (!isFieldKind(field.kind)) throw new TypeError(`fields[${i}]: unknown kind`);
      return {
        kind: field.kind,
        label: text(field.label, EXTRACT_LIMITS.fieldLabel, `fields[${i}].label`),
      };
    });
  const buttons = list(r.buttons, 'buttons')
    .slice(0, EXTRACT_LIMITS.buttons)
    .map((b, i) => text(b, EXTRACT_LIMITS.buttonText, `buttons[${i}]`));
  const signals = [...new Set(list(r.signals, 'signals').filter(isSignal))];
  return {
    host: text(r.host, EXTRACT_LIMITS.host, 'host').toLowerCase(),
    title: text(r.title, EXTRACT_LIMITS.title, 'title'),
    text: text(r.text, EXTRACT_LIMITS.text, 'text'),
    fields,
    buttons,
    signals,
  };
}
