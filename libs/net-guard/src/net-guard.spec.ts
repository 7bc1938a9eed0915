import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { addressRefusal, allowPrivateNetworks, assertPublicUrl, guardedAgent, UnsafeUrlError } from './index.js';

const strict = { allowPrivate: false };
const dev = { allowPrivate: true };
const publicResolver = async (): Promise<string[]> => ['93.184.216.34'];

describe('addressRefusal', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'fd00:ec2::254',
  ])('refuses %s in production', (ip) => expect(addressRefusal(ip, strict)).not.toBeNull());
  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946'])('accepts public %s', (ip) => expect(addressRefusal(ip, strict)).toBeNull());
  it('allows loopback and private with allowPrivate, never metadata or multicast', () => {
    expect(addressRefusal('127.0.0.1', dev)).toBeNull();
    expect(addressRefusal('10.0.0.1', dev)).toBeNull();
    expect(addressRefusal('169.254.169.254', dev)).toMatch(/metadata/);
    expect(addressRefusal('224.0.0.1', dev)).toMatch(/multicast/);
  });
});

describe('assertPublicUrl', () => {
  it.each([
    'ftp://example.com/x',
    'file:///etc/passwd',
    'http://127.0.0.1/',
    'http://2130706433/', // decimal 127.0.0.1
    'http://0x7f000001/', // hex
    'http://0177.0.0.1/', // octal
    'http://127.1/',
    'http://[::1]:8080/',
    'http://[::ffff:169.254.169.254]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://user:pass@example.com/',
  ])('refuses %s', async (url) => {
    await expect(assertPublicUrl(url, { ...strict, resolve: publicResolver })).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('refuses a name that resolves to a private address; one that does not resolve only when asked to', async () => {
    await expect(assertPublicUrl('http://localhost:9/cb', strict)).rejects.toThrow(/loopback/);
    await expect(assertPublicUrl('https://evil.example/cb', { ...strict, resolve: async () => ['93.184.216.34', '10.0.0.5'] })).rejects.toThrow(/private/);
    await expect(assertPublicUrl('https://nowhere.invalid/cb', { ...strict, requireResolvable: true })).rejects.toThrow(/does not resolve/);
    await expect(assertPublicUrl('https://nowhere.invalid/cb', strict)).resolves.toBeInstanceOf(URL);
  });

  it('accepts a public URL, and a local one when private networks are allowed', async () => {
    await expect(assertPublicUrl('https://Example.COM:8443/cb?x=1', { ...strict, resolve: publicResolver })).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl('http://127.0.0.1:3000/cb', dev)).resolves.toBeInstanceOf(URL);
  });

  it('reads CALLBACKS_ALLOW_PRIVATE_NETWORKS, on by default outside production only', () => {
    expect(allowPrivateNetworks({ NODE_ENV: 'development' })).toBe(true);
    expect(allowPrivateNetworks({ NODE_ENV: 'production' })).toBe(false);
    expect(allowPrivateNetworks({ NODE_ENV: 'production', CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'true' })).toBe(true);
    expect(allowPrivateNetworks({ NODE_ENV: 'test', CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'false' })).toBe(false);
  });
});

describe('guardedAgent', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses at connect time a literal or resolved private address, and connects when allowed', async () => {
    const agent = guardedAgent(strict);
    await expect(request(`http://127.0.0.1:${port}/`, { dispatcher: agent })).rejects.toThrow(/not allowed/);
    await expect(request(`http://localhost:${port}/`, { dispatcher: agent })).rejects.toThrow(/not allowed/);
    expect(hits).toBe(0);
    const open = guardedAgent(dev);
    const res = await request(`http://localhost:${port}/`, { dispatcher: open });
    expect(await res.body.text()).toBe('ok');
    await Promise.all([agent.close(), open.close()]);
  });

  it('connects to the address it checked: a rebinding resolver answering public then private is pinned to its first answer', async () => {
    // The resolver is asked once per connection; whatever it said at check time is what the socket uses.
    let calls = 0;
    const agent = guardedAgent({ allowPrivate: true, resolve: async () => (calls++ === 0 ? ['127.0.0.1'] : ['10.255.255.1']) });
    const res = await request(`http://rebind.test:${port}/`, { dispatcher: agent });
    expect(await res.body.text()).toBe('ok');
    expect(calls).toBe(1);
    await agent.close();
    const strictAgent = guardedAgent({ allowPrivate: false, resolve: async () => ['127.0.0.1'] });
    await expect(request(`http://rebind.test:${port}/`, { dispatcher: strictAgent })).rejects.toThrow(/loopback/);
    await strictAgent.close();
  });
});
