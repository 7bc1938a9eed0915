import { readFileSync } from 'node:fs';
import { parseMoney } from '@signet/contracts/common';
import type { DataSource } from 'typeorm';

const COLUMNS = ['country_iso', 'country', 'country_code', 'sms_rate', 'voice_rate', 'validation_rate', 'sms_own_sender_rate', 'voice_own_sender_rate'];

export interface CsvPrice {
  country_iso: string;
  country: string;
  country_code: number;
  micros: [bigint, bigint, bigint, bigint, bigint];
}

const splitLine = (line: string): string[] => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]);

/** Parses prices.csv (the header must be exactly COLUMNS); rates are decimal USD, kept as micro-units. */
export function parsePriceCsv(text: string): CsvPrice[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== COLUMNS.join(',')) throw new Error(`prices.csv: unexpected header ${header}`);
  return lines.map((line, i) => {
    const f = splitLine(line);
    if (f.length !== COLUMNS.length || !/^[A-Z]{2}$/.test(f[0])) throw new Error(`prices.csv line ${i + 2}: ${line}`);
    return { country_iso: f[0], country: f[1], country_code: Number(f[2]), micros: f.slice(3).map(parseMoney) as CsvPrice['micros'] };
  });
}

export const priceCsvFile = (): URL => new URL('./prices.csv', import.meta.url);

/**
 * The seed step after billing's migrations: countries the table lacks are added from prices.csv; rows already there
 * (operators may have updated them) are left alone. One statement, so replicas migrating together agree.
 */
export async function seedPrices(ds: DataSource, csv = readFileSync(priceCsvFile(), 'utf8')): Promise<number> {
  const rows = parsePriceCsv(csv);
  const col = (pick: (r: CsvPrice) => unknown) => rows.map(pick);
  const inserted: unknown[] = await ds.query(
    `INSERT INTO billing.prices (country_iso, country, country_code, sms_micros, voice_micros, validation_micros, sms_own_sender_micros, voice_own_sender_micros)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
     ON CONFLICT (country_iso) DO NOTHING RETURNING country_iso`,
    [col((r) => r.country_iso), col((r) => r.country), col((r) => r.country_code), ...[0, 1, 2, 3, 4].map((i) => col((r) => r.micros[i].toString()))],
  );
  return inserted.length;
}
