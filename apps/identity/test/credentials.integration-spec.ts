import type { INestApplicationContext } from '@nestjs/common';
import { IdentityErrors, tokenRotateBody } from '@signet/contracts/identity';
import { DataSource } from 'typeorm';
import { AdminAccountsService } from '../src/admin/admin-accounts.service.js';
import { CredentialsService } from '../src/credentials/credentials.service.js';
import { TokenRotationService } from '../src/credentials/token-rotation.service.js';
import { IpWhitelistService } from '../src/ip-whitelist/ip-whitelist.service.js';
import { SubaccountsService } from '../src/subaccounts/subaccounts.service.js';
import { bootIdentity, listenForNotices, openAccount, openSubaccount, type TestMain } from './support.js';

describe('identity credentials (real Postgres and NATS)', () => {
  let app: INestApplicationContext;
  let credentials: CredentialsService;
  let notices: Awaited<ReturnType<typeof listenForNotices>>;
  const auth = (a: TestMain, token = a.token) => credentials.authenticate({ auth_id: a.caller.auth_id, auth_token: token });
  const rotate = (a: TestMain, expire_old: string) => app.get(TokenRotationService).rotate({ caller: a.caller, body: tokenRotateBody.parse({ expire_old }) });

  beforeAll(async () => {
    app = await bootIdentity();
    credentials = app.get(CredentialsService);
    notices = await listenForNotices();
  });
  afterAll(async () => {
    await notices.close();
    await app.close();
  });

  it('authenticates a main account and its subaccount, each with its own token', async () => {
    const main = await openAccount(app, { data_region: 'in' });
    const sub = await openSubaccount(app, main);
    await expect(auth(main)).resolves.toEqual({
      auth_id: main.caller.auth_id,
      main_auth_id: main.caller.auth_id,
      is_subaccount: false,
      data_region: 'in',
      status: 'active',
      ip_whitelist: null,
      token_expires_at: null,
    });
    await expect(auth(sub)).resolves.toMatchObject({ auth_id: sub.caller.auth_id, main_auth_id: main.caller.auth_id, is_subaccount: true, data_region: 'in' });
    await expect(auth(sub, main.token)).rejects.toMatchObject({ code: IdentityErrors.AUTH_FAILED });
    await expect(credentials.authenticate({ auth_id: 'MANOSUCHACCOUNT00000', auth_token: main.token })).rejects.toMatchObject({
      code: IdentityErrors.AUTH_FAILED,
    });
  });

  it('refuses a disabled subaccount with a 401 that says so', async () => {
    const main = await openAccount(app);
    const sub = await openSubaccount(app, main, false);
    await expect(auth(sub)).rejects.toMatchObject({ code: IdentityErrors.SUBACCOUNT_DISABLED, message: expect.stringContaining('disabled') });
    await app.get(SubaccountsService).update({ caller: main.caller, subaccount_id: sub.caller.auth_id, body: { enabled: true } });
    await expect(auth(sub)).resolves.toMatchObject({ status: 'active' });
  });

  it('reports a suspension of the account or of its main account', async () => {
    const main = await openAccount(app);
    const sub = await openSubaccount(app, main);
    await app.get(AdminAccountsService).suspend(main.caller.auth_id);
    await expect(auth(main)).resolves.toMatchObject({ status: 'suspended' });
    await expect(auth(sub)).resolves.toMatchObject({ status: 'suspended' });
    await app.get(AdminAccountsService).reactivate(main.caller.auth_id);
    await expect(auth(sub)).resolves.toMatchObject({ status: 'active' });
  });

  it('rotates immediately: only the new token works, and gateways are told at once', async () => {
    const main = await openAccount(app);
    const rotated = await rotate(main, 'immediately');
    expect(rotated.auth_token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(rotated.old_token_expires_at).toBeNull();
    await notices.waitFor(main.caller.auth_id);
    await expect(auth(main)).rejects.toMatchObject({ code: IdentityErrors.AUTH_FAILED });
    await expect(auth(main, rotated.auth_token)).resolves.toMatchObject({ token_expires_at: null });
  });

  it('rotates with 48 hours of grace: the old token works until then, then stops; one token is active', async () => {
    const main = await openAccount(app);
    const before = Date.now();
    const first = await rotate(main, '48h');
    const graceEnds = Date.parse(first.old_token_expires_at!);
    expect(graceEnds - before).toBeGreaterThan(48 * 3600_000 - 60_000);
    await expect(auth(main)).resolves.toMatchObject({ token_expires_at: first.old_token_expires_at });
    await expect(auth(main, first.auth_token)).resolves.toMatchObject({ token_expires_at: null });

    // A second rotation ends the first grace period at once: never more than the active token and one old one.
    const second = await rotate(main, '48h');
    await expect(auth(main)).rejects.toMatchObject({ code: IdentityErrors.AUTH_FAILED });
    await expect(auth(main, first.auth_token)).resolves.toBeDefined();
    const ds = app.get(DataSource);
    const [{ active }] = await ds.query(`SELECT count(*) FILTER (WHERE expires_at IS NULL)::int AS active FROM identity.auth_tokens WHERE auth_id = $1`, [
      main.caller.auth_id,
    ]);
    expect(active).toBe(1);

    // The grace period running out (moved into the past here) ends the old token.
    await ds.query(`UPDATE identity.auth_tokens SET expires_at = now() - interval '1 second' WHERE auth_id = $1 AND expires_at IS NOT NULL`, [
      main.caller.auth_id,
    ]);
    await expect(auth(main, first.auth_token)).rejects.toMatchObject({ code: IdentityErrors.AUTH_FAILED });
    await expect(auth(main, second.auth_token)).resolves.toBeDefined();
  });

  it('a subaccount rotates its own token, which its main account then sees', async () => {
    const main = await openAccount(app);
    const sub = await openSubaccount(app, main);
    const rotated = await rotate(sub, 'immediately');
    await expect(auth(sub, rotated.auth_token)).resolves.toMatchObject({ is_subaccount: true });
    const view = await app.get(SubaccountsService).get({ caller: main.caller, subaccount_id: sub.caller.auth_id });
    expect(view.auth_token).toBe(rotated.auth_token);
  });

  it('hands the gateway the main account whitelist while enforcement is on', async () => {
    const main = await openAccount(app);
    const sub = await openSubaccount(app, main);
    const whitelist = app.get(IpWhitelistService);
    await whitelist.add({ caller: main.caller, body: { cidr: '192.0.2.0/24' } });
    await expect(auth(sub)).resolves.toMatchObject({ ip_whitelist: null });
    await whitelist.setEnabled({ caller: main.caller, body: { enabled: true } });
    await expect(auth(main)).resolves.toMatchObject({ ip_whitelist: ['192.0.2.0/24'] });
    await expect(auth(sub)).resolves.toMatchObject({ ip_whitelist: ['192.0.2.0/24'] });
  });
});
