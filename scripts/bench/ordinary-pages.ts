import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  EXTRACT_LIMITS,
  offersAppDownload,
  parsePageExtract,
  textSignals,
  type PageExtract,
  type PageLink,
} from '../../shared/content';

/**
 * Real ordinary text no one wrote for the corpus, read at bench time from what is installed
 * on this machine (nothing of it is copied into the repository): the npm packages' README
 * files and other Markdown, Debian's package documentation, Chinese manual pages and the
 * Chinese message catalogs of installed programs. Each file becomes the extract the content
 * script would send for it (title, text, link texts as buttons, the signals its words show).
 *
 * Each file falls in the tune split or the held-out one by a hash of its path, so the false
 * alarms that are looked at to fix their cause come from the tune split only, and the
 * held-out split still says whether the fix holds on pages no one read.
 */
export type OrdinarySplit = 'tune' | 'heldout';

export interface OrdinaryPage {
  readonly file: string;
  readonly split: OrdinarySplit;
  readonly page: PageExtract;
}

export interface OrdinarySource {
  readonly name: string;
  readonly pages: OrdinaryPage[];
}

/** Files under `dir` (to `depth` levels) whose name passes `keep`; a missing dir gives none. */
function files(dir: string, keep: (name: string) => boolean, depth: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (d: string, level: number): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isFile() && keep(name)) out.push(path);
      else if (stat.isDirectory() && level < depth && !name.startsWith('.')) visit(path, level + 1);
    }
  };
  visit(dir, 0);
  return out.sort();
}

/**
 * Tune unless the first byte of SHA-256(path) is 0x66 or more (40% tune, 60% held out, as
 * the look-alike evaluation set). A file under the checkout is named by its path inside it,
 * so every checkout splits the same way; a catalog's pages stay together in one split.
 */
export function splitOf(file: string, root: string): OrdinarySplit {
  const inside = relative(root, file);
  const key = inside.startsWith('..') ? file : inside.split(sep).join('/');
  return createHash('sha256').update(key).digest()[0]! < 0x66 ? 'tune' : 'heldout';
}

function read(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * The extract as the content script builds it: its text cut to the same length before the
 * signals are read from it, and the same link rule for downloads.
 */
function toPage(title: string, text: string, links: PageLink[]) {
  const buttons = links.map((l) => l.text.trim()).filter(Boolean);
  const cut = {
    title: title.slice(0, EXTRACT_LIMITS.title),
    text: text.slice(0, EXTRACT_LIMITS.text),
  };
  const shown = buttons
    .slice(0, EXTRACT_LIMITS.buttons)
    .map((b) => b.slice(0, EXTRACT_LIMITS.buttonText));
  const signals = textSignals(`${cut.title} ${cut.text}`, shown);
  if (links.some(offersAppDownload)) signals.push('download');
  return parsePageExtract({ host: 'docs.example', ...cut, fields: [], buttons: shown, signals });
}

function markdownPage(md: string): PageExtract {
  const body = md.replace(/```[\s\S]*?```/g, ' ');
  const links = [...body.matchAll(/\[([^\]\n]{1,80})\]\(([^)\s]*)[^)]*\)/g)].map((m) => ({
    text: m[1]!,
    href: m[2]!,
  }));
  const title = /^#\s+(.+)$/m.exec(body)?.[1] ?? '';
  return toPage(title, body.replace(/[#*`>|[\]()_-]+/g, ' ').replace(/\s+/g, ' '), links);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e]!);
const stripTags = (s: string): string => decode(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

function htmlPage(html: string): PageExtract {
  const body = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  const title = stripTags(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1] ?? '');
  const links = [...body.matchAll(/<a\b[^>]*?(?:href="([^"]*)")?[^>]*>([\s\S]*?)<\/a>/gi)].map(
    (m) => ({ text: stripTags(m[2]!).slice(0, 80), href: m[1] ?? '' }),
  );
  return toPage(title, stripTags(body.replace(/<title[\s\S]*?<\/title>/i, '')), links);
}

/** A manual page's words: macro names and font escapes go, their arguments stay. */
function manPage(roff: string): PageExtract {
  const lines = roff
    .split('\n')
    .filter((l) => !/^['.]\\"/.test(l))
    .map((l) => (l.startsWith('.') ? l.replace(/^\.\S*\s*/, '') : l));
  const text = lines
    .join(' ')
    .replace(/\\f[BIRP]|\\&|\\\(\w\w|\\\*\w|\\n\(\.\w/g, '')
    .replace(/\\-/g, '-')
    .replace(/"/g, '')
    .replace(/\s+/g, ' ');
  const title = /^\.TH\s+"?([^"\s]+)/m.exec(roff)?.[1] ?? '';
  return toPage(title, text, []);
}

/** The translated strings of a gettext catalog (.mo), header left out. */
function catalogStrings(bytes: Buffer): string[] {
  const little = bytes.readUInt32LE(0) === 0x950412de;
  const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (!little && u32(0) !== 0x950412de) return [];
  const count = u32(8);
  const table = u32(16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = u32(table + i * 8);
    const offset = u32(table + i * 8 + 4);
    const s = bytes.toString('utf8', offset, offset + length);
    if (i > 0 || !s.includes('Content-Type')) out.push(...s.split('\0'));
  }
  return out;
}

/** A catalog read as pages of about 3,000 characters, as a settings or help page would be. */
function catalogPages(file: string, split: OrdinarySplit): OrdinaryPage[] {
  const pages: OrdinaryPage[] = [];
  let chunk = '';
  const flush = (): void => {
    if (chunk) pages.push({ file, split, page: toPage(basename(file, '.mo'), chunk, []) });
    chunk = '';
  };
  for (const s of catalogStrings(readFileSync(file))) {
    chunk += `${s.replace(/\s+/g, ' ')}\n`;
    if (chunk.length > 3000) flush();
  }
  flush();
  return pages;
}

const ZH_LOCALES = ['zh_CN', 'zh_Hans', 'zh_TW', 'zh_HK', 'zh_Hant'];
const HAN = /\p{Script=Han}/gu;
const mostlyChinese = (p: PageExtract): boolean =>
  (p.text.match(HAN)?.length ?? 0) * 4 > p.text.replace(/\s/g, '').length;
const enough = (p: PageExtract): boolean => p.text.trim().length >= 200;

/** Every source, each page kept once (the same README sits in many nested packages). */
export function ordinarySources(root: string): OrdinarySource[] {
  const nodeModules = join(root, 'node_modules');
  const readmes = files(nodeModules, (n) => /^readme\.md$/i.test(n), 2);
  const otherMd = files(nodeModules, (n) => /\.md$/i.test(n) && !/^readme\.md$/i.test(n), 4);
  const debian = files(
    '/usr/share/doc',
    (n) => /\.(?:txt|md|rst|html?)(?:\.gz)?$/i.test(n) || /^(?:readme|news)\b/i.test(n),
    3,
  );
  const zhMan = ZH_LOCALES.flatMap((l) => files(`/usr/share/man/${l}`, (n) => /\.gz$/.test(n), 1));
  const zhCatalogs = ZH_LOCALES.flatMap((l) =>
    files(`/usr/share/locale/${l}/LC_MESSAGES`, (n) => n.endsWith('.mo'), 0),
  );
  const zhDocs = [
    ...files('/usr/share/vim', (n) => /^tutor\.zh_(?:cn|tw)\.utf-8$/.test(n), 3),
    ...files('/usr/share/gnupg', (n) => /^help\.zh_(?:CN|TW)\.txt$/.test(n), 0),
    ...files('/usr/lib/systemd/catalog', (n) => /\.zh_(?:CN|TW)\.catalog$/.test(n), 0),
  ];

  const seen = new Set<string>();
  const fresh = (p: OrdinaryPage): boolean => {
    const key = p.page.text.slice(0, 2000);
    if (seen.has(key) || !enough(p.page)) return false;
    seen.add(key);
    return true;
  };
  const load = (list: string[], parse: (text: string) => PageExtract): OrdinaryPage[] =>
    list
      .map((file) => ({ file, split: splitOf(file, root), page: parse(read(file)) }))
      .filter(fresh);
  const debianPages = load(debian, (t) => (/<html|<body/i.test(t) ? htmlPage(t) : markdownPage(t)));
  return [
    { name: 'npmReadme', pages: load(readmes, markdownPage) },
    { name: 'npmMarkdown', pages: load(otherMd, markdownPage) },
    { name: 'debianDocs', pages: debianPages.filter((p) => !mostlyChinese(p.page)) },
    {
      name: 'zhText',
      pages: [
        ...debianPages.filter((p) => mostlyChinese(p.page)),
        ...load(zhMan, manPage),
        ...load(zhDocs, (t) => toPage('', t.replace(/\s+/g, ' '), [])),
      ],
    },
    {
      name: 'zhCatalogs',
      pages: zhCatalogs.flatMap((f) => catalogPages(f, splitOf(f, root))).filter(fresh),
    },
  ];
}
