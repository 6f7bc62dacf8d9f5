/** The parts of an address the look-alike rules read. */
export interface Target {
  /** Lowercase, punycode, without a trailing dot. */
  readonly host: string;
  /** `username:password`, ":" when there is none. */
  readonly userinfo: string;
  readonly pathname: string;
}

/**
 * The address split as the browser's URL parser splits it (lowercase, IDNA, punycode), or null
 * when it has no host name. A bare host ("icbc-kefu.top") is read as an http address.
 */
export function parseTarget(input: string): Target | null {
  return plainTarget(input) ?? urlTarget(input);
}

/** WHATWG URL parsing, as the browser does it. */
function urlTarget(input: string): Target | null {
  let url: URL | null = null;
  try {
    url = new URL(input);
  } catch {
    // A bare host ("icbc-kefu.top") has no scheme; try it as one below.
  }
  if (!url?.hostname) {
    try {
      url = new URL(`http://${input}`);
    } catch {
      return null;
    }
  }
  const host = url.hostname.replace(/\.$/, '');
  if (!host || host.startsWith('[')) return null;
  return { host, userinfo: url.username + ':' + url.password, pathname: url.pathname };
}

/**
 * Lowercase ASCII labels of letters, digits and hyphens, the last one starting with a letter,
 * perhaps a trailing dot. The URL parser hands such a host back unchanged: nothing to lowercase
 * or map, no "xn--" label to validate (checked apart), and a last label that starts with a
 * letter cannot make it an IPv4 address ("1.2.3.4", "0x7f.1").
 */
const PLAIN_HOST = /^(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?$/;
/**
 * A path the URL parser keeps as it is: no percent-escapes, nothing it would escape, no
 * backslash (a slash in http) and, checked apart, no "." or ".." segment to resolve.
 */
const PLAIN_PATH = /^\/[\w.~!$&'()*+,;=:@/-]*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * Navigation URLs are nearly always this plain ("https://example.com/", "https://shop.example
 * .com/page?x=1"), and `new URL` with its getters costs about twice what reading the parts off
 * the string does (some 300 against 150 ns in Node). For those the parts are read directly;
 * they are what the URL parser would give (parse-target.test.ts compares the two). Anything
 * else (a port, user info, upper case, IDN, an escape, leading spaces) returns null and goes to
 * the URL parser.
 */
function plainTarget(input: string): Target | null {
  let start: number;
  if (input.startsWith('https://')) start = 8;
  else if (input.startsWith('http://')) start = 7;
  // Without a colon there is no scheme: the URL parser rejects it and it is read as http.
  else if (input.indexOf(':') === -1) start = 0;
  else return null;
  let end = start;
  while (end < input.length) {
    const c = input.charCodeAt(end);
    if (c === 0x2f /* / */ || c === 0x3f /* ? */ || c === 0x23 /* # */) break;
    end++;
  }
  const rawHost = input.slice(start, end);
  if (!PLAIN_HOST.test(rawHost) || rawHost.includes('xn--')) return null;
  let pathEnd = end;
  while (pathEnd < input.length) {
    const c = input.charCodeAt(pathEnd);
    if (c === 0x3f || c === 0x23) break;
    pathEnd++;
  }
  // http's path is never empty: no path at all is "/".
  const path = pathEnd === end ? '/' : input.slice(end, pathEnd);
  if (path !== '/' && (!PLAIN_PATH.test(path) || DOT_SEGMENT.test(path))) return null;
  const host = rawHost.endsWith('.') ? rawHost.slice(0, -1) : rawHost;
  return { host: oneByte(host), userinfo: ':', pathname: path };
}

/**
 * The same ASCII text, stored one byte a character. A string cut out of text that holds any
 * other character (a file read with an em dash in a comment) is stored two bytes a character
 * in V8 and SpiderMonkey, and so is everything later cut out of it: each Map lookup, regex and
 * case mapping on the host's labels then takes a slower path. The URL parser builds its host
 * afresh, one byte a character; encodeURIComponent does the same, and leaves the letters,
 * digits, dots and hyphens of a plain host as they are.
 */
function oneByte(ascii: string): string {
  return encodeURIComponent(ascii);
}
