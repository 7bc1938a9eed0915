import ipaddr from 'ipaddr.js';

export interface GuardOptions {
  /** Loopback, private, link-local, CGNAT and unique-local addresses allowed (development). Metadata never is. */
  allowPrivate: boolean;
}

/** Cloud instance-metadata endpoints: refused even when private networks are allowed. */
const METADATA = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254'];

/** Ranges (ipaddr.js names) that only `allowPrivate` lets through; everything else but `unicast` is always refused. */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'linkLocal', 'carrierGradeNat', 'uniqueLocal']);

const strip = (host: string): string => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

export const isIpLiteral = (host: string): boolean => ipaddr.isValid(strip(host));

/**
 * Why an address may not be connected to, or null when it may. IPv4-mapped IPv6 addresses are judged as the IPv4
 * address they carry. Ranges come from ipaddr.js (loopback, private, linkLocal, multicast, unspecified, broadcast,
 * reserved, carrierGradeNat, uniqueLocal, …).
 */
export function addressRefusal(address: string, opts: GuardOptions): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(strip(address));
  } catch {
    return `${address} is not an IP address`;
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normalized = ip.toNormalizedString();
  if (METADATA.some((m) => ipaddr.parse(m).toNormalizedString() === normalized)) return `${address} is a cloud metadata address`;
  const range = ip.range();
  if (range === 'unicast') return null;
  if (opts.allowPrivate && PRIVATE_RANGES.has(range)) return null;
  return `${address} is a ${range} address`;
}
