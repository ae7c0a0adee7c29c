/// <reference types="node" />
/**
 * The sender's address as the receiver may keep it (`--keep-ip truncated`):
 * an IPv4 address cut to its /24 network, an IPv6 address to its /48 (the
 * size a site is typically assigned), never the whole address. An IPv4
 * address written as IPv6 (`::ffff:203.0.113.9`, as a dual-stack socket
 * reports it) counts as IPv4.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type KeepIp = 'none' | 'truncated';
export const KEEP_IP_VALUES: readonly KeepIp[] = ['none', 'truncated'];

/** Eight 16-bit groups of an IPv6 address (any valid textual form). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  // a trailing dotted IPv4 part stands for the last two groups
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parse = (part: string | null | undefined) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === null ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** `a.b.c.0/24` or `x:y:z::/48`, or null for no address or an unparseable one. */
export function truncateIp(address: string | undefined): string | null {
  if (!address) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const v4 = mapped ? mapped[1]! : address;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return null;
  const network = ipv6Groups(address.split('%')[0]!).slice(0, 3);
  // the rest is zeros, written as "::" (trailing zero groups of the network join it, as PostgreSQL writes a cidr)
  while (network.length && network[network.length - 1] === 0) network.pop();
  return `${network.map((g) => g.toString(16)).join(':')}::/48`;
}

/** Whom the rate limit counts: an IPv4 address, or an IPv6 /64 (one host can use a whole /64). */
export function clientKey(address: string | undefined): string {
  if (!address) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address.split('%')[0]!)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
