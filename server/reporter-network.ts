import { isIPv4, isIPv6 } from 'node:net';

function expandIPv6(address: string): number[] | null {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const all = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right];
  return all.length === 8 ? all.map((g) => parseInt(g, 16)) : null;
}

/**
 * The address range a report came from: the /24 of an IPv4 address, the /48 of an IPv6 one
 * (one customer site, RFC 6177), which is what one person can hold at once. The review
 * queue counts distinct ranges, which a client cannot invent the way it can invent install
 * ids. Only the range is kept, never the address. '' when the address is not an IP.
 */
export function reporterNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped?.[1] ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return '';
  const groups = expandIPv6(ip.split('%')[0] ?? ip);
  if (!groups) return '';
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}
