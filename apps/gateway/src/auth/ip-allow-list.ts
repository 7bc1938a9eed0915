import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** An IPv4 client seen on a dual-stack socket arrives as `::ffff:a.b.c.d`; the whitelist speaks plain IPv4. */
export const plainAddress = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** An account's whitelisted CIDRs, built once per cached credential and matched per request. */
export class IpAllowList {
  private readonly list = new BlockList();

  constructor(cidrs: string[]) {
    for (const cidr of cidrs) {
      const [network, prefix] = cidr.split('/');
      this.list.addSubnet(network, Number(prefix), isIPv4(network) ? 'ipv4' : 'ipv6');
    }
  }

  allows(address: string): boolean {
    const a = plainAddress(address);
    if (isIPv4(a)) return this.list.check(a, 'ipv4');
    return isIPv6(a) && this.list.check(a, 'ipv6');
  }
}
