// Boots the whole stack once for every end-to-end suite of a run (jest runs this only when an e2e suite is
// selected), from dist/ as `npm start` does, against the run's namespace. `bootStack()` in a suite then only
// waits for it. The stack's output goes to jest's output with E2E_LOGS=1.
import { startStack, waitUntilReady } from '../../tools/stack.mjs';
import { testEnv } from '../../tools/test-env.mjs';

export default async function globalSetup() {
  // Suites that change the stack's environment (vendor fakes' URLs) run in a jest run of their own, one stack each.
  if (process.env.SIGNET_E2E_OWN_STACK) return;
  const env = { ...process.env, ...testEnv };
  const stack = startStack(env, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
  globalThis.__signetStack = stack;
  try {
    await waitUntilReady(`http://127.0.0.1:${env.GATEWAY_PORT}`, 60_000);
  } catch (err) {
    await stack.stop();
    throw err;
  }
  process.env.SIGNET_E2E_SHARED_STACK = '1';
}
