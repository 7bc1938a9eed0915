import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AccountClosed, adminAccountCreateBody, adminAccountListQuery, IdentityErrors, IdentityEvents } from '@signet/contracts/identity';
import { connectNats, consumeEvents, durableName, eventsStream } from '@signet/nats';
import { AdminAccountsService } from '../src/admin/admin-accounts.service.js';
import { CredentialsService } from '../src/credentials/credentials.service.js';
import { bootIdentity, listenForNotices, openAccount, openSubaccount } from './support.js';

describe('account lifecycle (real Postgres, NATS and JetStream)', () => {
  let app: INestApplicationContext;
  let admin: AdminAccountsService;
  let notices: Awaited<ReturnType<typeof listenForNotices>>;
  let nc: NatsConnection;

  beforeAll(async () => {
    app = await bootIdentity();
    admin = app.get(AdminAccountsService);
    notices = await listenForNotices();
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'identity-lifecycle-test');
  });
  afterAll(async () => {
    await notices.close();
    await nc.drain();
    await app.close();
  });

  it('opens an account with its region, type and billing mode, and finds it', async () => {
    const email = `Billing-${randomUUID()}@Example.com`;
    const created = await admin.create(
      adminAccountCreateBody.parse({ name: 'Mumbai Co', email, data_region: 'IN', account_type: 'developer', billing_mode: 'postpaid', cash_credits: 5 }),
    );
    expect(created.auth_id).toMatch(/^MA[A-Z0-9]{18}$/);
    expect(created.account).toMatchObject({
      name: 'Mumbai Co',
      email: email.toLowerCase(),
      data_region: 'in',
      account_type: 'developer',
      billing_mode: 'postpaid',
      status: 'active',
      cash_credits_micros: '5000000',
      subaccount_count: 0,
      closed_at: null,
    });
    await expect(admin.create(adminAccountCreateBody.parse({ name: 'Again', email, data_region: 'us' }))).rejects.toMatchObject({
      code: IdentityErrors.EMAIL_TAKEN,
    });

    const byEmail = await admin.list(adminAccountListQuery.parse({ email: email.toUpperCase() }));
    expect(byEmail.objects.map((a) => a.auth_id)).toEqual([created.auth_id]);
    const byName = await admin.list(adminAccountListQuery.parse({ name: 'mumbai', data_region: 'in', limit: 1 }));
    expect(byName.objects[0].name).toContain('Mumbai');
    await expect(admin.get('MANOSUCHACCOUNT00000')).rejects.toMatchObject({ code: IdentityErrors.ACCOUNT_NOT_FOUND });
  });

  it('refuses bad account input', () => {
    const bad = (body: object) => adminAccountCreateBody.safeParse({ name: 'A', email: 'a@example.com', data_region: 'us', ...body }).success;
    expect(bad({ data_region: 'eu' })).toBe(false);
    expect(bad({ data_region: undefined })).toBe(false);
    expect(bad({ email: 'not-an-email' })).toBe(false);
    expect(bad({ account_type: 'trial' })).toBe(false);
    expect(bad({ cash_credits: '1.123456' })).toBe(false);
    expect(bad({})).toBe(true);
  });

  it('suspends and reactivates (repeating either is a no-op), and tells the gateways', async () => {
    const main = await openAccount(app);
    await admin.suspend(main.caller.auth_id);
    await admin.suspend(main.caller.auth_id);
    await notices.waitFor(main.caller.auth_id);
    await expect(admin.get(main.caller.auth_id)).resolves.toMatchObject({ status: 'suspended' });
    await admin.reactivate(main.caller.auth_id);
    await expect(admin.get(main.caller.auth_id)).resolves.toMatchObject({ status: 'active' });
  });

  it('closes irreversibly: tokens stop at once, subaccounts close with it, and identity.account.closed is published', async () => {
    const received: EventEnvelope<AccountClosed>[] = [];
    const consumer = `identity-test-${randomUUID().slice(0, 8)}`;
    const events = await consumeEvents(nc, consumer, [IdentityEvents.accountClosed], async (event) => {
      received.push(event as EventEnvelope<AccountClosed>);
    });
    try {
      const main = await openAccount(app);
      const sub = await openSubaccount(app, main);
      await admin.close(main.caller.auth_id);
      await notices.waitFor(main.caller.auth_id);

      const credentials = app.get(CredentialsService);
      for (const a of [main, sub]) {
        await expect(credentials.authenticate({ auth_id: a.caller.auth_id, auth_token: a.token })).rejects.toMatchObject({ code: IdentityErrors.AUTH_FAILED });
      }
      await expect(admin.get(main.caller.auth_id)).resolves.toMatchObject({ status: 'closed', closed_at: expect.any(String), subaccount_count: 0 });
      await expect(admin.close(main.caller.auth_id)).rejects.toMatchObject({ code: IdentityErrors.ACCOUNT_STATE_CONFLICT });
      await expect(admin.reactivate(main.caller.auth_id)).rejects.toMatchObject({ code: IdentityErrors.ACCOUNT_STATE_CONFLICT });
      await expect(admin.suspend(main.caller.auth_id)).rejects.toMatchObject({ code: IdentityErrors.ACCOUNT_STATE_CONFLICT });

      const until = Date.now() + 5000;
      let event: EventEnvelope<AccountClosed> | undefined;
      while (!(event = received.find((e) => e.data.auth_id === main.caller.auth_id)) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(event).toMatchObject({ type: IdentityEvents.accountClosed, data: { auth_id: main.caller.auth_id, subaccount_auth_ids: [sub.caller.auth_id] } });
    } finally {
      await events.stop();
      await (await jetstreamManager(nc)).consumers.delete(eventsStream().name, durableName(consumer, IdentityEvents.accountClosed));
    }
  });
});
