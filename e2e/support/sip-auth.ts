import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { env } from './stack.js';

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A SIP username no other test (or earlier run against the same database) has taken. */
export const newSipUsername = (prefix = 'sip'): string => `${prefix}-${randomBytes(6).toString('hex')}`;

export interface SubscriberRow {
  username: string;
  domain: string;
  ha1: string;
  ha1b: string;
  ha1_sha256: string;
}

/** What a SIP proxy reads: the `subscriber` view, through a connection whose search_path is `sipauth` as Kamailio's is. */
export async function subscriber(username: string): Promise<SubscriberRow | undefined> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL, options: '-c search_path=sipauth' });
  await client.connect();
  try {
    const { rows } = await client.query<SubscriberRow>('SELECT username, domain, ha1, ha1b, ha1_sha256 FROM subscriber WHERE username = $1', [username]);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Runs `count` calls with at most `parallel` in flight, in order of index. */
export async function inBatches<T>(count: number, parallel: number, call: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += parallel) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, i) => call(start + i)))));
  }
  return results;
}
