import { appendFileSync } from 'node:fs';

/**
 * Secrets a suite used that the database will not hold afterwards (its own Postgres, a deleted credential's
 * password, an OTP it read): written next to the run's logs for e2e/log-secrets.after-spec.ts to look for.
 */
export function rememberSecrets(...values: string[]): void {
  const dir = process.env.SIGNET_TEST_LOG_DIR;
  if (!dir) return;
  appendFileSync(
    `${dir}/secrets.ledger`,
    values
      .filter((v) => v.length >= 6)
      .map((v) => `${JSON.stringify(v)}\n`)
      .join(''),
  );
}
