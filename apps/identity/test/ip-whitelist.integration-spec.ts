import type { INestApplicationContext } from '@nestjs/common';
import { IdentityErrors, ipWhitelistAddBody } from '@signet/contracts/identity';
import { IpWhitelistService } from '../src/ip-whitelist/ip-whitelist.service.js';
import { bootIdentity, listenForNotices, openAccount, openSubaccount } from './support.js';

describe('IP whitelist (real Postgres and NATS)', () => {
  let app: INestApplicationContext;
  let whitelist: IpWhitelistService;
  let notices: Awaited<ReturnType<typeof listenForNotices>>;
  const add = (caller: Parameters<IpWhitelistService['list']>[0], cidr: string) => whitelist.add({ caller, body: ipWhitelistAddBody.parse({ cidr }) });

  beforeAll(async () => {
    app = await bootIdentity();
    whitelist = app.get(IpWhitelistService);
    notices = await listenForNotices();
  });
  afterAll(async () => {
    await notices.close();
    await app.close();
  });

  it('adds IPv4 and IPv6 CIDRs in canonical form, lists and removes them', async () => {
    const { caller } = await openAccount(app);
    const v4 = await add(caller, '192.0.2.0/24');
    expect(v4).toMatchObject({ cidr: '192.0.2.0/24', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await add(caller, '1.1.1.1')).cidr).toBe('1.1.1.1/32');
    expect((await add(caller, '2001:DB8::/32')).cidr).toBe('2001:db8::/32');
    expect((await add(caller, '198.51.100.77/24')).cidr).toBe('198.51.100.0/24');
    await expect(add(caller, '192.0.2.0/24')).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_CONFLICT });

    const listed = await whitelist.list(caller);
    expect(listed.enabled).toBe(false);
    expect(listed.objects.map((e) => e.cidr)).toEqual(['192.0.2.0/24', '1.1.1.1/32', '2001:db8::/32', '198.51.100.0/24']);
    await whitelist.remove({ caller, entry_id: v4.id });
    expect((await whitelist.list(caller)).objects).toHaveLength(3);
    await expect(whitelist.remove({ caller, entry_id: v4.id })).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_ENTRY_NOT_FOUND });
    await expect(whitelist.remove({ caller, entry_id: 'nope' })).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_ENTRY_NOT_FOUND });
  });

  it('never locks everyone out: no enforcement without entries, no removing the last entry while enforced', async () => {
    const { caller } = await openAccount(app);
    await expect(whitelist.setEnabled({ caller, body: { enabled: true } })).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_CONFLICT });
    const only = await add(caller, '203.0.113.0/24');
    await whitelist.setEnabled({ caller, body: { enabled: true } });
    await notices.waitFor(caller.auth_id);
    await expect(whitelist.remove({ caller, entry_id: only.id })).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_CONFLICT });
    await whitelist.setEnabled({ caller, body: { enabled: false } });
    await whitelist.remove({ caller, entry_id: only.id });
  });

  it("is the main account's to manage and is another account's business to nobody", async () => {
    const main = await openAccount(app);
    const other = await openAccount(app);
    const sub = await openSubaccount(app, main);
    await expect(whitelist.list(sub.caller)).rejects.toMatchObject({ code: IdentityErrors.MAIN_ACCOUNT_REQUIRED });
    const entry = await add(main.caller, '192.0.2.0/24');
    await expect(whitelist.remove({ caller: other.caller, entry_id: entry.id })).rejects.toMatchObject({ code: IdentityErrors.WHITELIST_ENTRY_NOT_FOUND });
  });

  it('refuses what is not a CIDR', () => {
    for (const cidr of ['1.1.1.1/33', '300.1.1.1/8', '2001:db8::/129', 'example.com', '', '10.0.0.0/']) {
      expect(ipWhitelistAddBody.safeParse({ cidr }).success).toBe(false);
    }
    expect(ipWhitelistAddBody.safeParse({ cidr: '1.1.1.1/33' }).error?.issues[0].message).toMatch(/IPv4 or IPv6 CIDR/);
  });
});
