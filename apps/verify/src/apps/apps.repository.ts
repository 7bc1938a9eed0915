import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { DEFAULT_TEMPLATE, type AppUpdateBody, type VerifyAppView } from '@signet/contracts/verify';
import { utc, visible } from '@signet/database';
import { DataSource, type EntityManager } from 'typeorm';

/** The stored app: the API's view under its own key, plus who owns it. */
export type AppRow = Omit<VerifyAppView, 'app_uuid'> & { uuid: string; account_id: string; main_account_id: string };

export type AppSettings = Omit<AppRow, 'uuid' | 'account_id' | 'main_account_id' | 'created_at' | 'updated_at'>;

export const APP_DEFAULTS: AppSettings = {
  name: 'Default',
  brand_name: 'Signet',
  otp_length: 6,
  otp_expiry: 600,
  otp_attempts: 5,
  max_validation_attempts: 10,
  sms_channel: true,
  voice_channel: true,
  template: DEFAULT_TEMPLATE,
  template_uuid: null,
  is_default: false,
  enable_fraudshield: true,
  fs_protection_level: 'medium',
  customer_app_hash: null,
  rate_limits: {},
  sender_uuids: [],
  workflow: null,
};

const COLUMNS = Object.keys(APP_DEFAULTS) as (keyof AppSettings)[];
/** node-postgres sends a JS array as a Postgres array: the jsonb column gets its JSON text. */
const toDb = (column: string, value: unknown): unknown => (column === 'workflow' && value !== null ? JSON.stringify(value) : value);
const TIME = (c: string) => `${utc(c)} AS ${c}`;
const SELECT = `SELECT uuid, account_id, main_account_id, ${COLUMNS.join(', ')}, ${TIME('created_at')}, ${TIME('updated_at')} FROM verify.apps`;

@Injectable()
export class AppsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async find(caller: Caller, uuid: string): Promise<AppRow | undefined> {
    const rows: AppRow[] = await this.ds.query(`${SELECT} WHERE uuid = $1 AND ${visible(caller, '$2')}`, [uuid, caller.auth_id]);
    return rows[0];
  }

  async findDefault(accountId: string): Promise<AppRow | undefined> {
    const rows: AppRow[] = await this.ds.query(`${SELECT} WHERE account_id = $1 AND is_default`, [accountId]);
    return rows[0];
  }

  /** Makes the account's default app if it has none; two racing first uses make one. */
  async ensureDefault(caller: Caller): Promise<AppRow> {
    const values = { ...APP_DEFAULTS, is_default: true };
    await this.ds.query(
      `INSERT INTO verify.apps (uuid, account_id, main_account_id, ${COLUMNS.join(', ')})
       VALUES ($1, $2, $3, ${COLUMNS.map((_, i) => `$${i + 4}`).join(', ')})
       ON CONFLICT (account_id) WHERE is_default DO NOTHING`,
      [randomUUID(), caller.auth_id, caller.main_auth_id, ...COLUMNS.map((c) => toDb(c, values[c]))],
    );
    return (await this.findDefault(caller.auth_id))!;
  }

  async list(caller: Caller, limit: number, offset: number): Promise<{ rows: AppRow[]; total: number }> {
    const rows: (AppRow & { total: string })[] = await this.ds.query(
      `${SELECT.replace(' FROM', ', count(*) OVER () AS total FROM')} WHERE ${visible(caller, '$1')} ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
      [caller.auth_id, limit, offset],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(caller);
    return { rows: rows.map(({ total: _t, ...r }) => r), total };
  }

  private async count(caller: Caller): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM verify.apps WHERE ${visible(caller, '$1')}`, [caller.auth_id]);
    return row.n;
  }

  async insert(caller: Caller, settings: AppSettings): Promise<string> {
    const uuid = randomUUID();
    await this.ds.transaction(async (em) => {
      if (settings.is_default) await this.clearDefault(em, caller.auth_id);
      await em.query(
        `INSERT INTO verify.apps (uuid, account_id, main_account_id, ${COLUMNS.join(', ')})
         VALUES ($1, $2, $3, ${COLUMNS.map((_, i) => `$${i + 4}`).join(', ')})`,
        [uuid, caller.auth_id, caller.main_auth_id, ...COLUMNS.map((c) => toDb(c, settings[c]))],
      );
    });
    return uuid;
  }

  async update(app: AppRow, changes: AppUpdateBody): Promise<void> {
    const keys = (Object.keys(changes) as (keyof AppUpdateBody)[]).filter((k) => changes[k] !== undefined);
    if (keys.length === 0) return;
    await this.ds.transaction(async (em) => {
      if (changes.is_default) await this.clearDefault(em, app.account_id);
      await em.query(`UPDATE verify.apps SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE uuid = $1`, [
        app.uuid,
        ...keys.map((k) => toDb(k, changes[k])),
      ]);
    });
  }

  async delete(uuid: string): Promise<void> {
    await this.ds.query('DELETE FROM verify.apps WHERE uuid = $1', [uuid]);
  }

  private clearDefault(em: EntityManager, accountId: string): Promise<unknown> {
    return em.query('UPDATE verify.apps SET is_default = false, updated_at = now() WHERE account_id = $1 AND is_default', [accountId]);
  }
}
