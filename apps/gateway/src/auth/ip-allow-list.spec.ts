import { IpAllowList, plainAddress } from './ip-allow-list.js';

describe('IpAllowList', () => {
  const list = new IpAllowList(['192.0.2.0/24', '1.1.1.1/32', '2001:db8::/32']);

  it('matches IPv4 networks and single addresses', () => {
    expect(list.allows('192.0.2.7')).toBe(true);
    expect(list.allows('192.0.3.1')).toBe(false);
    expect(list.allows('1.1.1.1')).toBe(true);
    expect(list.allows('1.1.1.2')).toBe(false);
  });

  it('matches IPv6 networks, and IPv4 clients seen on a dual-stack socket', () => {
    expect(list.allows('2001:db8:1::5')).toBe(true);
    expect(list.allows('2001:db9::1')).toBe(false);
    expect(list.allows('::ffff:192.0.2.9')).toBe(true);
    expect(plainAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
  });

  it('allows nothing that is not an address', () => {
    expect(list.allows('')).toBe(false);
    expect(list.allows('not-an-ip')).toBe(false);
  });
});
