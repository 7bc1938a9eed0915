import { Inject, Injectable } from '@nestjs/common';
import type { SummaryRequest, SummaryView } from '@signet/contracts/verify';
import { visible } from '@signet/database';
import { DataSource } from 'typeorm';
import { AttemptErrorCodes } from '@signet/contracts/verify';

const utcTime = (v: string | undefined): string | null =>
  v === undefined ? null : v.includes(' ') || v.includes('T') ? `${v.replace(' ', 'T').replace(/Z?$/, 'Z')}` : `${v}T00:00:00Z`;

/**
 * Conversion analytics from the same records Fraud Shield's blocks and the geo refusals leave: sessions started
 * (and verified) in the window, their attempts per channel, and what was held back. A subaccount sees its own,
 * a main account its whole family. The channel filter keeps sessions with an attempt on that channel.
 */
const SUMMARY_SQL = (scope: string) => `
  WITH s AS (
    SELECT vs.uuid, vs.status FROM verify.sessions vs
    WHERE vs.${scope} AND created_at >= COALESCE($2::timestamptz, '-infinity') AND created_at < COALESCE($3::timestamptz, 'infinity')
      AND ($4::text IS NULL OR country_iso2 = $4) AND ($5::uuid IS NULL OR app_uuid = $5)
      AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM verify.attempts va WHERE va.session_uuid = vs.uuid AND va.channel = $6))
  ), a AS (
    SELECT a.channel, a.error_code FROM verify.attempts a JOIN s ON s.uuid = a.session_uuid WHERE $6::text IS NULL OR a.channel = $6
  )
  SELECT (SELECT count(*)::int FROM s) AS started,
    (SELECT count(*)::int FROM s WHERE status = 'verified') AS verified,
    (SELECT count(*)::int FROM a WHERE channel = 'sms') AS sms,
    (SELECT count(*)::int FROM a WHERE channel = 'voice') AS voice,
    (SELECT count(*)::int FROM a WHERE error_code = '${AttemptErrorCodes.FRAUD_BLOCKED}') AS fraud,
    (SELECT count(*)::int FROM verify.geo_refusals
      WHERE ${scope} AND created_at >= COALESCE($2::timestamptz, '-infinity') AND created_at < COALESCE($3::timestamptz, 'infinity')
        AND ($4::text IS NULL OR country_iso2 = $4) AND ($5::uuid IS NULL OR app_uuid = $5) AND ($6::text IS NULL OR channel = $6)) AS geo`;

@Injectable()
export class SummaryRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async summary({ caller, query }: SummaryRequest): Promise<SummaryView> {
    const [row] = await this.ds.query(SUMMARY_SQL(visible(caller, '$1')), [
      caller.auth_id,
      utcTime(query.start_time),
      utcTime(query.end_time),
      query.country?.toUpperCase() ?? null,
      query.app_uuid ?? null,
      query.channel ?? null,
    ]);
    return {
      sessions_started: row.started,
      sessions_verified: row.verified,
      conversion_rate: row.started === 0 ? 0 : Math.round((row.verified / row.started) * 10_000) / 10_000,
      attempts: { sms: row.sms, voice: row.voice },
      blocked: { geo_permission: row.geo, fraud_shield: row.fraud },
    };
  }
}
