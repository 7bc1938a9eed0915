import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { Channel } from '@signet/contracts/verify';
import { DataSource } from 'typeorm';
import type { StoredGeo } from './geo-lists.js';

@Injectable()
export class GeoPermissionsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** The caller's stored lists and its main account's (the same row for a main account). */
  async load(caller: Caller): Promise<{ self?: StoredGeo; main?: StoredGeo }> {
    const rows: (StoredGeo & { account_id: string })[] = await this.ds.query(
      'SELECT account_id, sms, voice FROM verify.geo_permissions WHERE account_id = ANY($1)',
      [[caller.auth_id, caller.main_auth_id]],
    );
    return { self: rows.find((r) => r.account_id === caller.auth_id), main: rows.find((r) => r.account_id === caller.main_auth_id) };
  }

  /** Replaces the channels given; the others keep their stored value. */
  async save(caller: Caller, lists: Partial<Record<Channel, string[]>>): Promise<void> {
    await this.ds.query(
      `INSERT INTO verify.geo_permissions (account_id, main_account_id, sms, voice) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET sms = COALESCE($3, verify.geo_permissions.sms), voice = COALESCE($4, verify.geo_permissions.voice), updated_at = now()`,
      [caller.auth_id, caller.main_auth_id, lists.sms ?? null, lists.voice ?? null],
    );
  }

  /** A refused create, counted for the Summary. */
  async countRefusal(caller: Caller, appUuid: string, channel: Channel, countryIso2: string): Promise<void> {
    await this.ds.query('INSERT INTO verify.geo_refusals (account_id, main_account_id, app_uuid, channel, country_iso2) VALUES ($1, $2, $3, $4, $5)', [
      caller.auth_id,
      caller.main_auth_id,
      appUuid,
      channel,
      countryIso2,
    ]);
  }
}
