import { randomUUID } from 'node:crypto';
import { eventually } from '@signet/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@signet/contracts/common';
import { type AccountClosed, IdentityEvents, type SubaccountDeleted } from '@signet/contracts/identity';
import { createLogger } from '@signet/logging';
import { connectNats, natsSubject } from '@signet/nats';
import { DataSource } from 'typeorm';
import { IdentityEventsConsumer } from '../src/account-data/identity-events.consumer.js';
import { VerifyModule } from '../src/verify.module.js';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, occurred_at: new Date().toISOString(), data });
const rand = () => randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase();

describe('verify applies identity events (real Postgres and JetStream)', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let nc: NatsConnection;

  /** An app, a session with one attempt, and a dev outbox message owned by `accountId`. */
  async function seed(accountId: string, mainId: string, isDefault = false): Promise<{ app: string; session: string }> {
    const appUuid = randomUUID();
    const session = randomUUID();
    await ds.query(
      `INSERT INTO verify.apps (uuid, account_id, main_account_id, name, brand_name, otp_length, otp_expiry, otp_attempts, max_validation_attempts,
         sms_channel, voice_channel, template, is_default) VALUES ($1, $2, $3, 'App', 'Acme', 6, 600, 5, 10, true, true, 'code \${code}', $4)`,
      [appUuid, accountId, mainId, isDefault],
    );
    await ds.query(
      `INSERT INTO verify.sessions (uuid, app_uuid, account_id, main_account_id, alias, recipient, channel, locale, brand_name, template, code_length,
         status, otp_hash, max_tries, max_attempts, expires_at) VALUES ($1, $2, $3, $4, 'App', '14155550100', 'sms', 'en', 'Acme', 't', 6,
         'in-progress', '\\x00', 10, 5, now() + interval '10 minutes')`,
      [session, appUuid, accountId, mainId],
    );
    await ds.query(`INSERT INTO verify.attempts (uuid, session_uuid, sequence, channel, status) VALUES ($1, $2, 1, 'sms', 'delivered')`, [
      randomUUID(),
      session,
    ]);
    await ds.query(
      `INSERT INTO verify.dev_outbox (attempt_uuid, session_uuid, account_id, main_account_id, recipient, channel, text) VALUES ($1, $2, $3, $4, '14155550100', 'sms', 'hi')`,
      [randomUUID(), session, accountId, mainId],
    );
    return { app: appUuid, session };
  }

  const owned = async (column: 'account_id' | 'main_account_id', id: string) => {
    const [row] = await ds.query(
      `SELECT (SELECT count(*) FROM verify.apps WHERE ${column} = $1)::int AS apps, (SELECT count(*) FROM verify.sessions WHERE ${column} = $1)::int AS sessions,
         (SELECT count(*) FROM verify.dev_outbox WHERE ${column} = $1)::int AS outbox,
         (SELECT count(*) FROM verify.attempts a JOIN verify.sessions s ON s.uuid = a.session_uuid WHERE s.${column} = $1)::int AS attempts`,
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(VerifyModule, { logger: createLogger('verify-test') });
    ds = app.get(DataSource);
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'verify-events-test');
  });
  afterAll(async () => {
    await nc.drain();
    await app.close();
  });

  it('deletes everything of a closed account and its subaccounts when identity.account.closed arrives', async () => {
    const main = `MA${rand()}`;
    const sub = `SA${rand()}`;
    const bystander = `MA${rand()}`;
    await seed(main, main, true);
    await seed(sub, main);
    await seed(bystander, bystander);
    const event = envelope<AccountClosed>(IdentityEvents.accountClosed, { auth_id: main, subaccount_auth_ids: [sub], closed_at: new Date().toISOString() });
    await jetstream(nc).publish(natsSubject(IdentityEvents.accountClosed), JSON.stringify(event), { msgID: event.id });

    await eventually(async () => (await owned('main_account_id', main)).apps === 0);
    expect(await owned('main_account_id', main)).toEqual({ apps: 0, sessions: 0, outbox: 0, attempts: 0 });
    expect(await owned('main_account_id', bystander)).toEqual({ apps: 1, sessions: 1, outbox: 1, attempts: 1 });
  });

  it('deletes a subaccount with cascade, and otherwise hands its data to the main account', async () => {
    const main = `MA${rand()}`;
    const gone = `SA${rand()}`;
    const moved = `SA${rand()}`;
    await seed(main, main, true);
    await seed(gone, main);
    const movedData = await seed(moved, main, true);
    const consumer = app.get(IdentityEventsConsumer);
    const cascade = envelope<SubaccountDeleted>(IdentityEvents.subaccountDeleted, { auth_id: gone, main_auth_id: main, cascade: true, deleted_at: '' });
    const handOver = envelope<SubaccountDeleted>(IdentityEvents.subaccountDeleted, { auth_id: moved, main_auth_id: main, cascade: false, deleted_at: '' });
    await jetstream(nc).publish(natsSubject(IdentityEvents.subaccountDeleted), JSON.stringify(cascade), { msgID: cascade.id });
    await jetstream(nc).publish(natsSubject(IdentityEvents.subaccountDeleted), JSON.stringify(handOver), { msgID: handOver.id });

    await eventually(async () => (await owned('account_id', gone)).apps === 0 && (await owned('account_id', moved)).apps === 0);
    expect(await owned('account_id', gone)).toEqual({ apps: 0, sessions: 0, outbox: 0, attempts: 0 });
    expect(await owned('account_id', main)).toEqual({ apps: 2, sessions: 2, outbox: 2, attempts: 2 });
    // The main account already had a default app, so the handed-over one is no longer a default.
    const [movedApp] = await ds.query('SELECT account_id, is_default FROM verify.apps WHERE uuid = $1', [movedData.app]);
    expect(movedApp).toEqual({ account_id: main, is_default: false });

    // Applying the same event again (a redelivery) changes nothing.
    await seed(gone, main);
    await consumer.apply(cascade, IdentityEvents.subaccountDeleted);
    expect((await owned('account_id', gone)).apps).toBe(1);
  });
});
