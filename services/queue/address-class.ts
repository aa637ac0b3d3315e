import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses a scan may fetch from without an explicit allow rule:
 * public unicast only. Everything a worker could reach but an outsider
 * should not (loopback, private networks, link-local where cloud metadata
 * services live, carrier-grade NAT, multicast, documentation and reserved
 * ranges) has a class name, used in the refusal so an admin knows what the
 * allow rule would open. Sources: IANA IPv4 and IPv6 Special-Purpose
 * Address Registries (RFC 6890 and successors).
 */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'not an IP address';

const RANGES: readonly (readonly [Exclude<AddressClass, 'public' | 'not an IP address'>, 'ipv4' | 'ipv6', string, number])[] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['carrier-grade NAT', 'ipv4', '100.64.0.0', 10],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  // 169.254.169.254 (AWS, GCP, Azure, OpenStack metadata) lives here.
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['private', 'ipv4', '172.16.0.0', 12],
  // 192.0.0.192 is Oracle Cloud's metadata service.
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['documentation', 'ipv4', '192.0.2.0', 24],
  ['reserved', 'ipv4', '192.88.99.0', 24],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['reserved', 'ipv4', '198.18.0.0', 15],
  ['documentation', 'ipv4', '198.51.100.0', 24],
  ['documentation', 'ipv4', '203.0.113.0', 24],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['reserved', 'ipv6', '64:ff9b:1::', 48],
  ['reserved', 'ipv6', '100::', 64],
  // IETF protocol assignments, Teredo (2001::/32) among them: tunnels can reach anything.
  ['reserved', 'ipv6', '2001::', 23],
  ['documentation', 'ipv6', '2001:db8::', 32],
  // 6to4 embeds an IPv4 address that a relay would reach.
  ['reserved', 'ipv6', '2002::', 16],
  ['documentation', 'ipv6', '3fff::', 20],
  ['private', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['private', 'ipv6', 'fec0::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

const LISTS = new Map<AddressClass, BlockList>();
for (const [name, family, network, prefix] of RANGES) {
  let list = LISTS.get(name);
  if (!list) LISTS.set(name, (list = new BlockList()));
  list.addSubnet(network, prefix, family);
}

/** The class of an IP address (IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address inside). */
export function addressClass(address: string): AddressClass {
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return 'not an IP address';
  if (family === 'ipv6') {
    const embedded = embeddedIPv4(address);
    if (embedded) return addressClass(embedded);
  }
  for (const [name, list] of LISTS) if (list.check(address, family)) return name;
  return 'public';
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or well-known NAT64 (64:ff9b::/96) address. */
function embeddedIPv4(address: string): string | undefined {
  const groups = expandIPv6(address);
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return undefined;
  const high = groups[6]!;
  const low = groups[7]!;
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** The eight 16-bit groups of an IPv6 address (which isIPv6 has accepted), with a dotted IPv4 tail converted. */
function expandIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
