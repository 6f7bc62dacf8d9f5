const MAX_ADDRESS = 0xffffffff;

/** The value of one dotted part in decimal, octal (`0…`) or hex (`0x…`), or -1. */
function parsePart(host: string, start: number, end: number): number {
  let radix = 10;
  if (end - start >= 2 && host.charCodeAt(start) === 0x30) {
    if (host.charCodeAt(start + 1) === 0x78) {
      radix = 16;
      start += 2;
    } else {
      radix = 8;
      start += 1;
    }
  }
  if (start === end) return radix === 16 ? 0 : -1; // a bare "0x" is zero, as browsers read it
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = host.charCodeAt(i);
    let digit: number;
    if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) digit = c - 0x61 + 10;
    else return -1;
    if (digit >= radix) return -1;
    value = value * radix + digit;
    // Stop early so that a 100 KB run of digits costs nothing.
    if (value > MAX_ADDRESS) return -1;
  }
  return value;
}

/**
 * The dotted-quad form of `host` when it is an IPv4 address in any spelling a browser
 * accepts (decimal, octal, hex, one to four parts, the last part filling the remaining
 * bytes: `3279880203` → `195.127.0.11`), otherwise null. `host` must already be lowercase,
 * without empty labels. Out-of-range parts make it a name, not an address, since browsers
 * refuse to navigate there anyway.
 */
export function parseIpv4(host: string): string | null {
  let address = 0;
  let parts = 0;
  let start = 0;
  for (let i = 0; i <= host.length; i++) {
    if (i < host.length && host.charCodeAt(i) !== 0x2e) continue;
    const value = parsePart(host, start, i);
    if (value < 0) return null;
    parts++;
    if (i === host.length) {
      const room = 2 ** (8 * (5 - parts));
      if (parts > 4 || value >= room) return null;
      address += value;
    } else {
      if (parts >= 4 || value > 0xff) return null;
      address += value * 2 ** (8 * (4 - parts));
    }
    start = i + 1;
  }
  return `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
}
