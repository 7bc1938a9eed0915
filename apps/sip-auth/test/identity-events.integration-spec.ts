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
import { SipAuthModule } from '../src/sip-auth.module.js';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, occurred_at: new Date().toISOString(), data });
const rand = () => randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase();

describe('sip-auth applies identity events (real Postgres and JetStream)', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let nc: NatsConnection;

  /** A credential, an IP ACL with one entry, and an application bound to both, owned by `accountId`. */
  async function seed(accountId: string, mainId: string): Promise<{ credential: string; ipAcl: string; application: string }> {
    const credential = randomUUID();
    const ipAcl = randomUUID();
    const application = randomUUID();
    await ds.query(
      `INSERT INTO sipauth.credentials (uuid, account_id, main_account_id, username, realm, ha1, ha1b, ha1_sha256)
       VALUES ($1, $2, $3, $4, 'app.plivo.com', 'x', 'x', 'x')`,
      [credential, accountId, mainId, `u${rand()}`],
    );
    await ds.query(`INSERT INTO sipauth.ip_acls (uuid, account_id, main_account_id, name) VALUES ($1, $2, $3, 'office')`, [ipAcl, accountId, mainId]);
    await ds.query(`INSERT INTO sipauth.ip_acl_entries (uuid, ip_acl_uuid, network) VALUES ($1, $2, '10.0.0.0/24')`, [randomUUID(), ipAcl]);
    await ds.query(
      `INSERT INTO sipauth.applications (uuid, account_id, main_account_id, app_name, answer_url, answer_method, sip_auth_type, credential_uuid, ip_acl_uuid)
       VALUES ($1, $2, $3, 'App', 'https://example.com/answer', 'POST', 'credential_ip_acl', $4, $5)`,
      [application, accountId, mainId, credential, ipAcl],
    );
    return { credential, ipAcl, application };
  }

  const owned = async (column: 'account_id' | 'main_account_id', id: string) => {
    const [row] = await ds.query(
      `SELECT (SELECT count(*) FROM sipauth.credentials WHERE ${column} = $1)::int AS credentials,
         (SELECT count(*) FROM sipauth.ip_acls WHERE ${column} = $1)::int AS ip_acls,
         (SELECT count(*) FROM sipauth.applications WHERE ${column} = $1)::int AS applications`,
      [id],
    );
    return row;
  };

  /** Entries carry no account: they are found through the ACLs they were seeded under. */
  const entriesOf = async (ipAcls: string[]) => {
    const [row] = await ds.query('SELECT count(*)::int AS n FROM sipauth.ip_acl_entries WHERE ip_acl_uuid = ANY($1::uuid[])', [ipAcls]);
    return row.n;
  };

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(SipAuthModule, { logger: createLogger('sip-auth-test') });
    ds = app.get(DataSource);
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'sip-auth-events-test');
  });
  afterAll(async () => {
    await nc.drain();
    await app.close();
  });

  it('deletes everything of a closed account and its subaccounts when identity.account.closed arrives', async () => {
    const main = `MA${rand()}`;
    const sub = `SA${rand()}`;
    const bystander = `MA${rand()}`;
    const closed = [await seed(main, main), await seed(sub, main)];
    const kept = await seed(bystander, bystander);
    const event = envelope<AccountClosed>(IdentityEvents.accountClosed, { auth_id: main, subaccount_auth_ids: [sub], closed_at: new Date().toISOString() });
    await jetstream(nc).publish(natsSubject(IdentityEvents.accountClosed), JSON.stringify(event), { msgID: event.id });

    await eventually(async () => (await owned('main_account_id', main)).credentials === 0);
    expect(await owned('main_account_id', main)).toEqual({ credentials: 0, ip_acls: 0, applications: 0 });
    expect(await entriesOf(closed.map((s) => s.ipAcl))).toBe(0);
    expect(await owned('main_account_id', bystander)).toEqual({ credentials: 1, ip_acls: 1, applications: 1 });
    expect(await entriesOf([kept.ipAcl])).toBe(1);
  });

  it('deletes a subaccount with cascade, and otherwise hands its data to the main account', async () => {
    const main = `MA${rand()}`;
    const gone = `SA${rand()}`;
    const moved = `SA${rand()}`;
    await seed(main, main);
    const goneData = await seed(gone, main);
    const movedData = await seed(moved, main);
    const consumer = app.get(IdentityEventsConsumer);
    const cascade = envelope<SubaccountDeleted>(IdentityEvents.subaccountDeleted, { auth_id: gone, main_auth_id: main, cascade: true, deleted_at: '' });
    const handOver = envelope<SubaccountDeleted>(IdentityEvents.subaccountDeleted, { auth_id: moved, main_auth_id: main, cascade: false, deleted_at: '' });
    await jetstream(nc).publish(natsSubject(IdentityEvents.subaccountDeleted), JSON.stringify(cascade), { msgID: cascade.id });
    await jetstream(nc).publish(natsSubject(IdentityEvents.subaccountDeleted), JSON.stringify(handOver), { msgID: handOver.id });

    await eventually(async () => (await owned('account_id', gone)).credentials === 0 && (await owned('account_id', moved)).credentials === 0);
    expect(await owned('account_id', gone)).toEqual({ credentials: 0, ip_acls: 0, applications: 0 });
    expect(await entriesOf([goneData.ipAcl])).toBe(0);
    expect(await owned('account_id', main)).toEqual({ credentials: 2, ip_acls: 2, applications: 2 });
    expect(await entriesOf([movedData.ipAcl])).toBe(1);
    // The handed-over application keeps its binding: credential and ACL moved with it.
    const [movedApp] = await ds.query('SELECT account_id, credential_uuid, ip_acl_uuid FROM sipauth.applications WHERE uuid = $1', [movedData.application]);
    expect(movedApp).toEqual({ account_id: main, credential_uuid: movedData.credential, ip_acl_uuid: movedData.ipAcl });

    // Applying the same event again (a redelivery) changes nothing.
    await seed(gone, main);
    await consumer.apply(cascade, IdentityEvents.subaccountDeleted);
    expect(await owned('account_id', gone)).toEqual({ credentials: 1, ip_acls: 1, applications: 1 });
  });
});
