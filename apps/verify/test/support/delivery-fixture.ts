import { randomUUID } from 'node:crypto';
import { Keyring } from '@signet/secrets';
import type { DataSource } from 'typeorm';
import { sealOtp } from '../../src/otp/otp.js';

export const ring = new Keyring(process.env.SIGNET_SECRET_KEY as string);

/** A session in progress with one queued attempt, as `sessions.repository` writes them; returns the attempt uuid. */
export async function queuedAttempt(
  ds: DataSource,
  opts: { recipient?: string; channel?: 'sms' | 'voice'; ageSeconds?: number } = {},
): Promise<{ attempt: string; session: string }> {
  const session = randomUUID();
  const attempt = randomUUID();
  const account = `MA${randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase()}`;
  const channel = opts.channel ?? 'sms';
  await ds.query(
    `INSERT INTO verify.sessions (uuid, app_uuid, account_id, main_account_id, alias, recipient, channel, locale, brand_name,
       template, code_length, status, otp_hash, otp_sealed, max_tries, max_attempts, expires_at)
     VALUES ($1, $2, $3, $3, 'a', $4, $5, 'en', 'Acme', 'Your ${'$'}{brand_name} code is ${'$'}{code}', 6, 'in-progress', '\\x00', $6, 10, 5, now() + interval '10 minutes')`,
    [session, randomUUID(), account, opts.recipient ?? `1415${2000000 + Math.floor(Math.random() * 7999999)}`, channel, sealOtp(ring, '424242')],
  );
  await ds.query(
    `INSERT INTO verify.attempts (uuid, session_uuid, sequence, channel, status, created_at) VALUES ($1, $2, 1, $3, 'queued', now() - make_interval(secs => $4))`,
    [attempt, session, channel, opts.ageSeconds ?? 0],
  );
  return { attempt, session };
}

export interface AttemptState {
  status: string;
  error_code: string | null;
  provider: string | null;
  provider_ref: string | null;
  sender_uuid: string | null;
}

export const attemptState = async (ds: DataSource, attempt: string): Promise<AttemptState> =>
  (await ds.query(`SELECT status, error_code, provider, provider_ref, sender_uuid FROM verify.attempts WHERE uuid = $1`, [attempt]))[0];

export const triesOf = (
  ds: DataSource,
  attempt: string,
): Promise<
  {
    seq: number;
    provider: string;
    sender_uuid: string | null;
    from_number: string | null;
    outcome: string;
    error: string | null;
    provider_ref: string | null;
  }[]
> =>
  ds.query(`SELECT seq, provider, sender_uuid, from_number, outcome, error, provider_ref FROM verify.attempt_tries WHERE attempt_uuid = $1 ORDER BY seq`, [
    attempt,
  ]);

export const attemptEvents = (
  ds: DataSource,
  attempt: string,
): Promise<{ status: string; error_code: string | null; provider: string | null; sender_uuid: string | null }[]> =>
  ds.query(
    `SELECT payload->'data'->>'status' AS status, payload->'data'->>'error_code' AS error_code, payload->'data'->>'provider' AS provider,
       payload->'data'->>'sender_uuid' AS sender_uuid
     FROM verify.outbox_events WHERE payload->'data'->>'attempt_uuid' = $1 ORDER BY seq`,
    [attempt],
  );
