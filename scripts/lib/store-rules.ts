/**
 * The Chrome Web Store's rules for a package that a script can check, so that an upload
 * is not refused (or sent to a long manual review) for something a test could have caught.
 * https://developer.chrome.com/docs/webstore/program-policies and the manifest reference.
 */

/** The store refuses larger uploads. */
export const MAX_PACKAGE_BYTES = 2 * 1024 ** 3;
/** Rules Chrome guarantees to every extension's enabled static rulesets. */
export const MAX_STATIC_RULES = 30_000;
const MAX_NAME = 75;
const MAX_DESCRIPTION = 132;
/** The sizes the store and the toolbar show; 128 is required for the listing. */
const REQUIRED_ICONS = ['16', '48', '128'];

interface Manifest {
  manifest_version?: number;
  key?: string;
  name?: string;
  description?: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  host_permissions?: string[];
  background?: { service_worker?: string };
  action?: { default_popup?: string; default_icon?: Record<string, string> };
  options_ui?: { page?: string };
  content_security_policy?: { extension_pages?: string };
  declarative_net_request?: { rule_resources?: { path: string; enabled: boolean }[] };
  storage?: { managed_schema?: string };
}

/** What the README says each permission is for: the `| \`name\` | why |` rows under "## Permissions". */
export function justifiedPermissions(readme: string): Map<string, string> {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Permissions'));
  const found = new Map<string, string>();
  for (const match of section?.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(\S[^|]*?)\s*\|\s*$/gm) ?? []) {
    found.set(match[1]!, match[2]!);
  }
  return found;
}

/** Width and height of a PNG, or null for anything else. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `__MSG_name__` resolved in every locale of the package. */
function localized(files: ReadonlyMap<string, Uint8Array>, value: string): Map<string, string> {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  const out = new Map<string, string>();
  if (!key) return out.set('(literal)', value);
  for (const [path, bytes] of files) {
    const locale = /^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1];
    if (!locale) continue;
    const messages = JSON.parse(text(bytes)) as Record<string, { message: string }>;
    out.set(locale, messages[key]?.message ?? '');
  }
  return out;
}

/** Code that runs something not in the package: the store's "no remotely hosted code". */
const REMOTE_CODE = [
  /<script[^>]+src=["']?(https?:)?\/\//i,
  /importScripts\(\s*["'`]https?:/,
  /import\(\s*["'`]https?:/,
  /\beval\(/,
  /new Function\(/,
];

/** Everything wrong with a Chrome package (path → bytes), given the README; empty if none. */
export function storeProblems(
  files: ReadonlyMap<string, Uint8Array>,
  packageBytes: number,
  readme: string,
): string[] {
  const problems: string[] = [];
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return ['no manifest.json'];
  const manifest = JSON.parse(text(manifestBytes)) as Manifest;

  if (manifest.manifest_version !== 3) problems.push('manifest_version must be 3');
  if (manifest.key) problems.push('the store refuses a manifest with a "key"');
  if (packageBytes > MAX_PACKAGE_BYTES) problems.push(`package is ${packageBytes} bytes`);

  for (const [field, max] of [
    ['name', MAX_NAME],
    ['description', MAX_DESCRIPTION],
  ] as const) {
    const value = manifest[field];
    if (!value) problems.push(`no ${field}`);
    else {
      for (const [locale, resolved] of localized(files, value)) {
        if (!resolved) problems.push(`${field} is empty in ${locale}`);
        if ([...resolved].length > max)
          problems.push(`${field} over ${max} characters in ${locale}`);
      }
    }
  }

  for (const size of REQUIRED_ICONS) {
    if (!manifest.icons?.[size]) problems.push(`no ${size}px icon`);
  }
  const icons = { ...manifest.icons, ...manifest.action?.default_icon };
  for (const [size, path] of Object.entries(icons)) {
    const bytes = files.get(path);
    const png = bytes && pngSize(bytes);
    if (!png) problems.push(`icon ${path} is missing or not a PNG`);
    else if (png.width !== Number(size) || png.height !== Number(size)) {
      problems.push(`icon ${path} is ${png.width}x${png.height}, declared ${size}`);
    }
  }

  const referenced = [
    manifest.background?.service_worker,
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.storage?.managed_schema,
    ...(manifest.declarative_net_request?.rule_resources ?? []).map((r) => r.path),
    manifest.default_locale && `_locales/${manifest.default_locale}/messages.json`,
  ];
  for (const path of referenced) {
    if (path && !files.has(path)) problems.push(`the manifest names ${path}, which is missing`);
  }

  let staticRules = 0;
  for (const resource of manifest.declarative_net_request?.rule_resources ?? []) {
    const bytes = files.get(resource.path);
    if (bytes && resource.enabled) staticRules += (JSON.parse(text(bytes)) as unknown[]).length;
  }
  if (staticRules > MAX_STATIC_RULES) {
    problems.push(`${staticRules} static rules, over the ${MAX_STATIC_RULES} guaranteed`);
  }

  const justified = justifiedPermissions(readme);
  for (const permission of [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
  ]) {
    if (!justified.has(permission)) {
      problems.push(`permission ${permission} is not justified in the README`);
    }
  }

  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1]?.trim();
  if (scriptSrc !== "'self'") problems.push(`script-src must be 'self' alone, is "${scriptSrc}"`);

  for (const [path, bytes] of files) {
    if (!/\.(m?js|html)$/.test(path)) continue;
    const source = text(bytes);
    const remote = REMOTE_CODE.find((pattern) => pattern.test(source));
    if (remote) problems.push(`${path} may run remote or generated code (${remote.source})`);
  }
  return problems;
}
