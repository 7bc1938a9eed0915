import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { OutboxMessageView } from '@signet/contracts/verify';
import type { OutboundMessage, OutboxStore } from '@signet/providers';
import { utc } from '@signet/database';
import { DataSource } from 'typeorm';

/**
 * Where the `outbox` provider keeps what it "sent", for a developer to read the OTP locally. Plaintext codes, so:
 * never written in production (`NODE_ENV=production`, where `/dev/outbox` is not served either), written only while
 * the session is live, and erased by the statement that ends the session.
 */
@Injectable()
export class DevOutboxRepository implements OutboxStore {
  private readonly production = process.env.NODE_ENV === 'production';

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async save(m: OutboundMessage): Promise<void> {
    if (this.production) return;
    await this.ds.query(
      `INSERT INTO verify.dev_outbox (attempt_uuid, session_uuid, account_id, main_account_id, recipient, channel, text)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM verify.sessions WHERE uuid = $2 AND status = 'in-progress')
       ON CONFLICT (attempt_uuid) DO NOTHING`,
      [m.attemptId, m.sessionId, m.accountId, m.mainAccountId, m.to.replace(/^\+/, ''), m.channel, m.text],
    );
  }

  /** A caller sees only the messages its own account sent. */
  async list(caller: Caller, recipient: string | undefined, limit: number): Promise<OutboxMessageView[]> {
    return this.ds.query(
      `SELECT attempt_uuid, session_uuid, recipient, channel, text, ${utc('created_at')} AS time FROM verify.dev_outbox
       WHERE account_id = $1 AND ($2::text IS NULL OR recipient = $2) ORDER BY created_at DESC LIMIT $3`,
      [caller.auth_id, recipient ?? null, limit],
    );
  }
}
