import type { INestApplicationContext } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { IdentityErrors, subaccountCreateRequest, subaccountDeleteRequest, subaccountUpdateRequest } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { CredentialsService } from '../src/credentials/credentials.service.js';
import { SubaccountsService } from '../src/subaccounts/subaccounts.service.js';
import { bootIdentity, listenForNotices, openAccount, openSubaccount } from './support.js';

describe('subaccounts (real Postgres and NATS)', () => {
  let app: INestApplicationContext;
  let subaccounts: SubaccountsService;
  let notices: Awaited<ReturnType<typeof listenForNotices>>;

  beforeAll(async () => {
    app = await bootIdentity();
    subaccounts = app.get(SubaccountsService);
    notices = await listenForNotices();
  });
  afterAll(async () => {
    await notices.close();
    await app.close();
  });

  it('creates, reads, lists newest first, updates and deletes', async () => {
    const main = await openAccount(app);
    const a = await subaccounts.create(parseOrThrow(subaccountCreateRequest, { caller: main.caller, body: { name: 'Alpha', enabled: 'true' } }));
    expect(a.auth_id).toMatch(/^SA[A-Z0-9]{18}$/);
    expect(a.auth_token).toMatch(/^[A-Za-z0-9]{40}$/);
    const b = await subaccounts.create(parseOrThrow(subaccountCreateRequest, { caller: main.caller, body: { name: 'Beta' } }));

    const today = new Date().toISOString().slice(0, 10);
    await expect(subaccounts.get({ caller: main.caller, subaccount_id: a.auth_id })).resolves.toEqual({
      account: `/v1/Account/${main.caller.auth_id}/`,
      auth_id: a.auth_id,
      auth_token: a.auth_token,
      created: today,
      enabled: true,
      modified: null,
      name: 'Alpha',
      resource_uri: `/v1/Account/${main.caller.auth_id}/Subaccount/${a.auth_id}/`,
    });
    // Plivo creates a subaccount disabled unless told otherwise.
    await expect(subaccounts.get({ caller: main.caller, subaccount_id: b.auth_id })).resolves.toMatchObject({ enabled: false });

    const listed = await subaccounts.list({ caller: main.caller, query: { limit: 20, offset: 0 } });
    expect(listed.objects.map((s) => s.auth_id)).toEqual([b.auth_id, a.auth_id]);
    expect(listed.total_count).toBe(2);
    const page = await subaccounts.list({ caller: main.caller, query: { limit: 1, offset: 1 } });
    expect(page.objects.map((s) => s.auth_id)).toEqual([a.auth_id]);

    await subaccounts.update(
      parseOrThrow(subaccountUpdateRequest, { caller: main.caller, subaccount_id: a.auth_id, body: { name: 'Alpha 2', enabled: 'false' } }),
    );
    await notices.waitFor(a.auth_id);
    await expect(subaccounts.get({ caller: main.caller, subaccount_id: a.auth_id })).resolves.toMatchObject({
      name: 'Alpha 2',
      enabled: false,
      modified: today,
    });

    await subaccounts.delete(parseOrThrow(subaccountDeleteRequest, { caller: main.caller, subaccount_id: b.auth_id, body: {} }));
    await expect(subaccounts.get({ caller: main.caller, subaccount_id: b.auth_id })).rejects.toMatchObject({ code: IdentityErrors.SUBACCOUNT_NOT_FOUND });
    expect((await subaccounts.list({ caller: main.caller, query: { limit: 20, offset: 0 } })).total_count).toBe(1);
  });

  it('writes identity.subaccount.deleted with the cascade choice in the same commit, and its token stops', async () => {
    const main = await openAccount(app);
    const sub = await openSubaccount(app, main);
    await subaccounts.delete({ caller: main.caller, subaccount_id: sub.caller.auth_id, body: { cascade: true } });
    await notices.waitFor(sub.caller.auth_id);
    const [row] = await app
      .get(DataSource)
      .query(`SELECT subject, payload FROM identity.outbox_events WHERE payload->'data'->>'auth_id' = $1`, [sub.caller.auth_id]);
    expect(row.subject).toBe('events.identity.subaccount.deleted.v1');
    expect(row.payload.data).toMatchObject({ auth_id: sub.caller.auth_id, main_auth_id: main.caller.auth_id, cascade: true });
    await expect(app.get(CredentialsService).authenticate({ auth_id: sub.caller.auth_id, auth_token: sub.token })).rejects.toMatchObject({
      code: IdentityErrors.AUTH_FAILED,
    });
    // Its id stays taken: the row is kept as closed.
    const [kept] = await app.get(DataSource).query('SELECT status FROM identity.accounts WHERE auth_id = $1', [sub.caller.auth_id]);
    expect(kept.status).toBe('closed');
  });

  it("hides other accounts' subaccounts (404, not 403) and keeps subaccounts from managing any", async () => {
    const main = await openAccount(app);
    const other = await openAccount(app);
    const sub = await openSubaccount(app, main);
    const sibling = await openSubaccount(app, main);
    const notFound = { code: IdentityErrors.SUBACCOUNT_NOT_FOUND };
    await expect(subaccounts.get({ caller: other.caller, subaccount_id: sub.caller.auth_id })).rejects.toMatchObject(notFound);
    await expect(subaccounts.update({ caller: other.caller, subaccount_id: sub.caller.auth_id, body: { name: 'x' } })).rejects.toMatchObject(notFound);
    await expect(subaccounts.delete({ caller: other.caller, subaccount_id: sub.caller.auth_id, body: { cascade: false } })).rejects.toMatchObject(notFound);
    await expect(subaccounts.get({ caller: main.caller, subaccount_id: 'SA-not-an-id' })).rejects.toMatchObject(notFound);
    await expect(subaccounts.get({ caller: sub.caller, subaccount_id: sibling.caller.auth_id })).rejects.toMatchObject(notFound);
    await expect(subaccounts.delete({ caller: sub.caller, subaccount_id: sibling.caller.auth_id, body: { cascade: true } })).rejects.toMatchObject(notFound);
    await expect(subaccounts.create({ caller: sub.caller, body: { name: 'x', enabled: true } })).rejects.toMatchObject({
      code: IdentityErrors.MAIN_ACCOUNT_REQUIRED,
    });
    await expect(subaccounts.list({ caller: sub.caller, query: { limit: 20, offset: 0 } })).rejects.toMatchObject({
      code: IdentityErrors.MAIN_ACCOUNT_REQUIRED,
    });
  });

  it('refuses bad input with a validation error', () => {
    const bad = (body: unknown) => () => parseOrThrow(subaccountCreateRequest, { caller: { auth_id: 'MA1', main_auth_id: 'MA1', is_subaccount: false }, body });
    expect(bad({ name: 'x'.repeat(101) })).toThrow(/name: must be at most 100 characters/);
    expect(bad({ name: 'ok', enabled: 'maybe' })).toThrow(/enabled: must be true or false/);
    expect(bad({})).toThrow(/name/);
    expect(bad({ name: '   ' })).toThrow(/name: must not be empty/);
    expect(bad({ name: 'ok', enabled: 'maybe' })).toThrow(expect.objectContaining({ code: CommonErrors.VALIDATION_FAILED }));
  });

  it('shows a subaccount its own account resource, with its main account credit', async () => {
    const main = await openAccount(app, { cash_credits: '12.5' });
    const sub = await openSubaccount(app, main);
    await expect(app.get(AccountsService).get(sub.caller.auth_id)).resolves.toMatchObject({
      auth_id: sub.caller.auth_id,
      cash_credits_micros: '12500000',
      resource_uri: `/v1/Account/${sub.caller.auth_id}/`,
    });
  });
});
