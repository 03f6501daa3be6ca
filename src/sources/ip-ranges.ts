import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not be fetched without `--allow-private`. */
export type ForbiddenKind =
  | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'shared (CGNAT)'
  | 'multicast' | 'reserved' | 'unparsable';

interface Range {
  prefix: number[];
  bits: number;
  kind: ForbiddenKind;
}

/**
 * IPv4 ranges that are not the public Internet (IANA special-purpose registry,
 * https://www.iana.org/assignments/iana-ipv4-special-registry). 169.254.169.254, the cloud
 * metadata service, is in link-local.
 */
const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
].map(([address, bits, kind]) => ({ prefix: ipv4Bytes(address as string)!, bits: bits as number, kind: kind as ForbiddenKind }));

/** IPv6 ranges likewise (https://www.iana.org/assignments/iana-ipv6-special-registry). */
const IPV6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // site-local, deprecated but still routed on some networks
  ['ff00::', 8, 'multicast'],
].map(([address, bits, kind]) => ({ prefix: ipv6Bytes(address as string)!, bits: bits as number, kind: kind as ForbiddenKind }));

/**
 * IPv6 forms that carry an IPv4 address, which is then what gets checked: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIPv4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number): boolean => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (zeros(0, 12) && !zeros(12, 15)) return bytes.slice(12); // not :: or ::1
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

/**
 * The kind of non-public address this is, or null for a public one. Accepts IPv4 and IPv6
 * text (zone ids and brackets ignored); anything else is 'unparsable', and so refused.
 * @example forbiddenKind('::ffff:127.0.0.1') // 'loopback'
 */
export function forbiddenKind(address: string): ForbiddenKind | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = ipv4Bytes(text);
  if (v4) return match(v4, IPV4_RANGES);
  const v6 = ipv6Bytes(text);
  if (!v6) return 'unparsable';
  const inner = embeddedIPv4(v6);
  return match(v6, IPV6_RANGES) ?? (inner ? match(inner, IPV4_RANGES) : null);
}

function match(bytes: number[], ranges: readonly Range[]): ForbiddenKind | null {
  for (const range of ranges) if (inPrefix(bytes, range.prefix, range.bits)) return range.kind;
  return null;
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if (((bytes[i >> 3] ?? 0) & mask) !== ((prefix[i >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(text: string): number[] | null {
  if (!isIPv4(text)) return null;
  return text.split('.').map(Number);
}

/** 16 bytes of an IPv6 address (`::` and a trailing dotted quad expanded), or null. */
function ipv6Bytes(text: string): number[] | null {
  if (!isIPv6(text)) return null;
  let groups = text;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (quad) {
    const [a, b, c, d] = quad.split('.').map(Number) as [number, number, number, number];
    groups = `${text.slice(0, -quad.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const words = [...left, ...fill, ...right].map((w) => parseInt(w, 16));
  if (words.length !== 8 || words.some((w) => Number.isNaN(w))) return null;
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}
