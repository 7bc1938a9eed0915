import { Inject, Injectable } from '@nestjs/common';
import type { PriceView, PricingSetRequest } from '@signet/contracts/billing';
import { DataSource } from 'typeorm';

const SELECT = `
  SELECT country_iso, country, country_code, sms_micros::text, voice_micros::text, validation_micros::text,
    sms_own_sender_micros::text, voice_own_sender_micros::text,
    to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
  FROM billing.prices`;

/** Body field → column; only these are ever written. */
const RATE_COLUMNS = {
  sms_rate: 'sms_micros',
  voice_rate: 'voice_micros',
  validation_rate: 'validation_micros',
  sms_own_sender_rate: 'sms_own_sender_micros',
  voice_own_sender_rate: 'voice_own_sender_micros',
} as const;

@Injectable()
export class PricingRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async get(countryIso: string): Promise<PriceView | undefined> {
    return (await this.ds.query(`${SELECT} WHERE country_iso = $1`, [countryIso]))[0];
  }

  list(): Promise<PriceView[]> {
    return this.ds.query(`${SELECT} ORDER BY country_iso`);
  }

  /** Updates the given rates of a listed country; a new country needs its name, code and both channel rates. */
  async set({ country_iso, body }: PricingSetRequest): Promise<PriceView | undefined> {
    const fields = (Object.keys(RATE_COLUMNS) as (keyof typeof RATE_COLUMNS)[]).filter((k) => body[k] !== undefined);
    const params: unknown[] = [country_iso, body.country ?? null, body.country_code ?? null, ...fields.map((k) => body[k])];
    const sets = fields.map((k, i) => `${RATE_COLUMNS[k]} = $${i + 4}::bigint`);
    const updated: unknown[] = await this.ds.query(
      `WITH u AS (UPDATE billing.prices SET ${[...sets, 'country = COALESCE($2, country)', 'country_code = COALESCE($3::int, country_code)', 'updated_at = now()'].join(', ')}
       WHERE country_iso = $1 RETURNING country_iso) SELECT * FROM u`,
      params,
    );
    if (updated.length === 0) {
      if (!body.country || !body.country_code || body.sms_rate === undefined || body.voice_rate === undefined) return undefined;
      await this.ds.query(
        `INSERT INTO billing.prices (country_iso, country, country_code, sms_micros, voice_micros, validation_micros, sms_own_sender_micros, voice_own_sender_micros)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (country_iso) DO NOTHING`,
        [
          country_iso,
          body.country,
          body.country_code,
          body.sms_rate,
          body.voice_rate,
          body.validation_rate ?? '0',
          body.sms_own_sender_rate ?? '0',
          body.voice_own_sender_rate ?? '0',
        ],
      );
    }
    return this.get(country_iso);
  }
}
