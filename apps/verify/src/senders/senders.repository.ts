import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { SenderNumberView, SenderProvider } from '@signet/contracts/verify';
import { DataSource } from 'typeorm';
import { utc, visible } from '@signet/database';

export interface SenderRow {
  uuid: string;
  account_id: string;
  main_account_id: string;
  name: string;
  provider: SenderProvider;
  channels: ('sms' | 'voice')[];
  public_id: string;
  secret_hint: string;
  credentials_sealed: Buffer;
  /** Every number of the provider account, with `selected` and `countries` set by the caller. */
  numbers: SenderNumberView[];
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT uuid, account_id, main_account_id, name, provider, channels, public_id, secret_hint, credentials_sealed, numbers,
  ${utc('created_at')} AS created_at, ${utc('updated_at')} AS updated_at FROM verify.senders`;

export type NewSender = Pick<SenderRow, 'name' | 'provider' | 'channels' | 'public_id' | 'secret_hint' | 'credentials_sealed' | 'numbers'>;

@Injectable()
export class SendersRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async insert(caller: Caller, s: NewSender): Promise<string> {
    const uuid = randomUUID();
    await this.ds.query(
      `INSERT INTO verify.senders (uuid, account_id, main_account_id, name, provider, channels, public_id, secret_hint, credentials_sealed, numbers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [uuid, caller.auth_id, caller.main_auth_id, s.name, s.provider, s.channels, s.public_id, s.secret_hint, s.credentials_sealed, JSON.stringify(s.numbers)],
    );
    return uuid;
  }

  async find(caller: Caller, uuid: string): Promise<SenderRow | undefined> {
    return (await this.ds.query(`${SELECT} WHERE uuid = $1 AND ${visible(caller, '$2')}`, [uuid, caller.auth_id]))[0];
  }

  /** The senders an account owns among `uuids`, in the order given (for routing and for an app's `sender_uuids`). */
  async ownedBy(accountId: string, uuids: readonly string[]): Promise<SenderRow[]> {
    if (uuids.length === 0) return [];
    const rows: SenderRow[] = await this.ds.query(`${SELECT} WHERE uuid = ANY($1::uuid[]) AND account_id = $2`, [uuids, accountId]);
    return uuids.map((u) => rows.find((r) => r.uuid === u)).filter((r): r is SenderRow => !!r);
  }

  async list(caller: Caller, limit: number, offset: number): Promise<{ rows: SenderRow[]; total: number }> {
    const rows: (SenderRow & { total: string })[] = await this.ds.query(
      `${SELECT.replace(' FROM', ', count(*) OVER () AS total FROM')} WHERE ${visible(caller, '$1')} ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
      [caller.auth_id, limit, offset],
    );
    return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
  }

  async update(uuid: string, change: { name?: string; channels?: string[]; numbers?: SenderNumberView[] }): Promise<void> {
    await this.ds.query(
      `UPDATE verify.senders SET name = COALESCE($2, name), channels = COALESCE($3, channels), numbers = COALESCE($4::jsonb, numbers), updated_at = now() WHERE uuid = $1`,
      [uuid, change.name ?? null, change.channels ?? null, change.numbers ? JSON.stringify(change.numbers) : null],
    );
  }

  /** Deletes the sender unless a Verify app names it (one statement, so an app cannot start using it meanwhile). */
  async deleteUnused(uuid: string): Promise<'deleted' | 'in-use'> {
    // A top-level DELETE answers [rows, count] through TypeORM: select from the CTE instead.
    const rows = await this.ds.query(
      `WITH d AS (DELETE FROM verify.senders WHERE uuid = $1 AND NOT EXISTS (SELECT 1 FROM verify.apps WHERE sender_uuids @> ARRAY[$1::uuid]) RETURNING uuid)
       SELECT uuid FROM d`,
      [uuid],
    );
    return rows.length === 1 ? 'deleted' : 'in-use';
  }
}
