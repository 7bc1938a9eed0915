import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '@signet/providers';
import { DataSource } from 'typeorm';
import { DevOutboxRepository } from '../src/dev-outbox/dev-outbox.repository.js';
import { SessionsRepository } from '../src/sessions/sessions.repository.js';

// The dev outbox holds plaintext codes: only while their session is live, and never in production.
describe('dev outbox on the real verify schema', () => {
  let ds: DataSource;
  const account = `MA${randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase()}`;

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  });
  afterAll(() => ds.destroy());

  async function liveSession(expiresIn = '10 minutes'): Promise<string> {
    const uuid = randomUUID();
    await ds.query(
      `INSERT INTO verify.sessions (uuid, app_uuid, account_id, main_account_id, alias, recipient, channel, locale, brand_name,
         template, code_length, status, otp_hash, otp_sealed, max_tries, max_attempts, expires_at)
       VALUES ($1, $2, $3, $3, 'a', $4, 'sms', 'en', 'b', 't', 6, 'in-progress', '\\x00', '\\x01', 10, 5, now() + $5::interval)`,
      [uuid, randomUUID(), account, String(Date.now()) + Math.floor(Math.random() * 1000), expiresIn],
    );
    return uuid;
  }

  const message = (sessionId: string): OutboundMessage => ({
    attemptId: randomUUID(),
    sessionId,
    accountId: account,
    mainAccountId: account,
    to: '+14155550100',
    channel: 'sms',
    text: 'Your code is 424242',
  });
  const kept = async (session: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM verify.dev_outbox WHERE session_uuid = $1`, [session]))[0].n;

  it('erases a session’s messages when it is verified, and when it expires', async () => {
    const outbox = new DevOutboxRepository(ds);
    const sessions = new SessionsRepository(ds);
    const verified = await liveSession();
    const expiring = await liveSession('1 second');
    await outbox.save(message(verified));
    await outbox.save(message(expiring));
    expect([await kept(verified), await kept(expiring)]).toEqual([1, 1]);

    expect(await sessions.markVerified(verified)).toBe(true);
    expect(await kept(verified)).toBe(0);

    await new Promise((r) => setTimeout(r, 1100));
    expect(await sessions.expire([expiring])).toEqual([expiring]);
    expect(await kept(expiring)).toBe(0);
  });

  it('writes nothing for a session that already ended (a late delivery)', async () => {
    const session = await liveSession();
    await new SessionsRepository(ds).markVerified(session);
    await new DevOutboxRepository(ds).save(message(session));
    expect(await kept(session)).toBe(0);
  });

  it('writes nothing in production', async () => {
    const session = await liveSession();
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await new DevOutboxRepository(ds).save(message(session));
    } finally {
      process.env.NODE_ENV = before;
    }
    expect(await kept(session)).toBe(0);
  });
});
