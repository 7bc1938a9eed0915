import { randomUUID } from 'node:crypto';
import { VerifyEvents } from '@signet/contracts/verify';
import { DataSource } from 'typeorm';
import { SessionsRepository } from '../src/sessions/sessions.repository.js';

// The sweep ends many overdue sessions in one statement: each gets its own event, no code survives.
describe('expiry sweep on the real verify schema', () => {
  let ds: DataSource;
  const account = `MA${randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase()}`;

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  });
  afterAll(() => ds.destroy());

  async function overdueSession(): Promise<string> {
    const uuid = randomUUID();
    await ds.query(
      `INSERT INTO verify.sessions (uuid, app_uuid, account_id, main_account_id, alias, recipient, channel, locale, brand_name,
         template, code_length, status, otp_hash, otp_sealed, max_tries, max_attempts, expires_at)
       VALUES ($1, $2, $3, $3, 'a', $4, 'sms', 'en', 'b', 't', 6, 'in-progress', '\\x00', '\\x01', 10, 5, now() - interval '1 second')`,
      [uuid, randomUUID(), account, String(Date.now()) + Math.floor(Math.random() * 1000)],
    );
    return uuid;
  }

  it('expires every overdue session and writes one event each, with distinct ids', async () => {
    const uuids = [await overdueSession(), await overdueSession(), await overdueSession()];
    const expired = await new SessionsRepository(ds).expire(null);
    expect(expired).toEqual(expect.arrayContaining(uuids));

    const rows: { id: string; subject: string; payload: { id: string; data: { session_uuid: string; status: string } } }[] = await ds.query(
      `SELECT id, subject, payload FROM verify.outbox_events WHERE payload->'data'->>'session_uuid' = ANY($1)`,
      [uuids],
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    for (const r of rows) {
      expect(r.subject).toBe(VerifyEvents.sessionExpired);
      expect(r.payload.id).toBe(r.id);
      expect(r.payload.data.status).toBe('expired');
    }
    const sealed = await ds.query(`SELECT count(*)::int AS n FROM verify.sessions WHERE uuid = ANY($1) AND otp_sealed IS NOT NULL`, [uuids]);
    expect(sealed[0].n).toBe(0);
    // Idempotent: nothing left to expire for these.
    expect(await new SessionsRepository(ds).expire(uuids)).toEqual([]);
  });
});
