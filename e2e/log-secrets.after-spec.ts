import { readdirSync, readFileSync } from 'node:fs';
import { Keyring, openToken } from '@signet/secrets';
import pg from 'pg';
import { openOtp } from '../apps/verify/src/otp/otp.js';
// @ts-expect-error plain ESM helper shared with `npm test`
import { testEnv } from '../tools/test-env.mjs';

/**
 * Runs after every other suite (tools/test.mjs, second jest pass): everything the suite's processes logged (jest's
 * own output and every service, worker and gateway it started) must hold none of the secrets the suite used —
 * auth tokens, the admin token and root key, SIP passwords and HA1 digests, OTP codes and their hashes.
 */
const dir = process.env.SIGNET_TEST_LOG_DIR;

/** A live session's code; rows that integration specs wrote by hand hold placeholder bytes, not a sealed code. */
function unsealed(ring: Keyring, sealed: Buffer | null): string[] {
  if (!sealed || sealed.length < 29) return [];
  try {
    return [openOtp(ring, sealed)];
  } catch {
    return [];
  }
}

async function secretsInTheDatabase(ring: Keyring): Promise<{ exact: string[]; codes: string[] }> {
  const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
  await client.connect();
  try {
    const tokens = await client.query<{ token_sealed: Buffer }>('SELECT token_sealed FROM identity.auth_tokens');
    const ha1s = await client.query<{ ha1: string; ha1b: string; ha1_sha256: string }>('SELECT ha1, ha1b, ha1_sha256 FROM sipauth.credentials');
    const otps = await client.query<{ otp_hash: Buffer; otp_sealed: Buffer | null }>('SELECT otp_hash, otp_sealed FROM verify.sessions');
    const outbox = await client.query<{ text: string }>('SELECT text FROM verify.dev_outbox');
    const hashForms = (b: Buffer) => [b.toString('hex'), b.toString('base64'), `[${[...b.subarray(0, 12)].join(',')}`];
    return {
      exact: [
        ...tokens.rows.map((r) => openToken(ring, r.token_sealed)),
        ...ha1s.rows.flatMap((r) => [r.ha1, r.ha1b, r.ha1_sha256]),
        ...otps.rows.filter((r) => r.otp_hash.length >= 16).flatMap((r) => hashForms(r.otp_hash)),
      ],
      codes: [...otps.rows.flatMap((r) => unsealed(ring, r.otp_sealed)), ...outbox.rows.flatMap((r) => r.text.match(/\d{6,8}/g) ?? [])],
    };
  } finally {
    await client.end();
  }
}

// Nest's line prefix (pid, date and time) is made of numbers that are not codes.
const withoutPrefix = (line: string) => line.replace(/^.*?\[Nest\] \d+\s+-\s+\S+ \d+:\d+:\d+ [AP]M/, '').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');

describe('logs hold no secrets', () => {
  it('in anything the suite’s processes logged', async () => {
    if (!dir) throw new Error('run through `npm test` / tools/test.mjs, which keeps the logs in SIGNET_TEST_LOG_DIR');
    const ring = new Keyring(testEnv.SIGNET_SECRET_KEY);
    const fromDb = await secretsInTheDatabase(ring);
    const files = readdirSync(dir);
    const ledger = files.includes('secrets.ledger')
      ? readFileSync(`${dir}/secrets.ledger`, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as string)
      : [];
    // Real secrets are long (tokens 40 characters, digests 32+); a placeholder some spec wrote by hand ("x") is not one.
    const candidates = [
      testEnv.SIGNET_BOOTSTRAP_AUTH_TOKEN,
      testEnv.SIGNET_ADMIN_TOKEN,
      testEnv.SIGNET_SECRET_KEY,
      ...fromDb.exact,
      ...ledger.filter((s) => !/^\d+$/.test(s)),
    ];
    const exact = [...new Set(candidates.filter((s) => s.length >= 12))];
    const codes = [...new Set([...fromDb.codes, ...ledger.filter((s) => /^\d{6,8}$/.test(s))])];
    const logs = files.filter((f) => f.endsWith('.log'));
    expect(logs.length).toBeGreaterThan(0);
    expect(exact.length).toBeGreaterThan(3);

    const found: string[] = [];
    const codeSet = new Set(codes);
    for (const file of logs) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const lower = text.toLowerCase();
      for (const secret of exact) if (lower.includes(secret.toLowerCase())) found.push(`${file}: ${secret.slice(0, 6)}… (${secret.length} chars)`);
      for (const line of text.split('\n')) {
        for (const n of withoutPrefix(line).match(/(?<![0-9A-Za-z])\d{6,8}(?![0-9A-Za-z])/g) ?? []) {
          if (codeSet.has(n)) found.push(`${file}: OTP ${n} in ${JSON.stringify(line.slice(0, 160))}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('in the gateway’s access log: one JSON line per request, the ids as fields', () => {
    if (!dir) throw new Error('run through `npm test` / tools/test.mjs');
    const lines = readdirSync(dir)
      .filter((f) => /^gateway(-\d+)?-\d+\.log$/.test(f))
      .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.context === 'Access');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, 500)) {
      expect(line).toMatchObject({ service: 'gateway', msg: 'request', api_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: expect.any(Number) });
      // Route patterns only: no query string (recipients) and no raw URL.
      expect(String(line.route)).not.toContain('?');
      expect(line).not.toHaveProperty('url');
    }
    expect(lines.some((l) => typeof l.account_id === 'string' && /^[MS]A/.test(l.account_id))).toBe(true);
  });
});
