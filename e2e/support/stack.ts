import { createTestAccount, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../../tools/stack.mjs';
// @ts-expect-error plain ESM helper shared with `npm test`
import { testEnv } from '../../tools/test-env.mjs';

export const env: Record<string, string> = { ...process.env, ...testEnv } as Record<string, string>;
export const baseUrl = `http://127.0.0.1:${env.GATEWAY_PORT}`;
export const bootstrap: TestAccount = { authId: env.SIGNET_BOOTSTRAP_AUTH_ID, token: env.SIGNET_BOOTSTRAP_AUTH_TOKEN };

export interface Stack {
  stop(): Promise<void>;
}

/**
 * The stack of this run. `npm test` / `node tools/test.mjs` boot it once for every e2e suite (jest global setup,
 * e2e/support/global-setup.mjs), so this only waits until it is ready and `stop()` leaves it running. A suite
 * run outside that setup gets a stack of its own, booted from dist/ as `npm start` does, which `stop()` stops.
 */
export async function bootStack(): Promise<Stack> {
  if (process.env.SIGNET_E2E_SHARED_STACK) {
    await waitUntilReady(baseUrl, 60_000);
    return { stop: async () => undefined };
  }
  const stack: Stack = startStack(env, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
  await waitUntilReady(baseUrl, 60_000);
  return stack;
}

/** A fresh main account, opened through the admin API. */
export const newAccount = (): Promise<TestAccount> => createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN);

let n = Math.floor(Math.random() * 1e6);
/**
 * A fresh US number per call, so tests never share a session; consecutive calls land in different number ranges
 * (10 000-number blocks), so a suite's traffic never looks like a pumping burst to Fraud Shield.
 */
export const newRecipient = (): string => `+1415${String(2000000 + ((n++ * 10007) % 7999999)).padStart(7, '0')}`;
