import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// The built entry points, started as an operator would: unsafe production settings and unreachable dependencies
// end the process with exit code 1 and one line naming the variable, never a stack trace.
const root = resolve(import.meta.dirname, '..');
const PUBLISHED_KEY = '8f9535707a9ea7cd55cc57c14c5f8ee1f87b29ff42f71ed4bf8117f5ae0b94ca'; // docker-compose.yml's default
const OWN_KEY = 'a1'.repeat(32);
const DEAD = '127.0.0.1:1';

function start(entry: string, env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(root, 'dist/apps', entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

const production = { NODE_ENV: 'production', SIGNET_SECRET_KEY: OWN_KEY, SIGNET_ADMIN_TOKEN: 'an-operator-chosen-token-0123' };

const cases: [string, string, Record<string, string | undefined>, RegExp][] = [
  [
    'gateway',
    'gateway/src/main.js',
    { ...production, SIGNET_ADMIN_TOKEN: undefined },
    /^gateway: refusing to start in production: SIGNET_ADMIN_TOKEN is not set/,
  ],
  [
    'identity',
    'identity/src/main.js',
    { ...production, SIGNET_SECRET_KEY: PUBLISHED_KEY },
    /^identity: refusing to start in production: SIGNET_SECRET_KEY is a key published/,
  ],
  [
    'verify-worker',
    'verify/src/main.worker.js',
    { ...production, SIGNET_PLATFORM_SENDER: undefined },
    /^verify-worker: refusing .*SIGNET_PLATFORM_SENDER is the development outbox/,
  ],
  [
    'callback-dispatcher-worker',
    'callback-dispatcher/src/main.worker.js',
    { ...production, CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'true' },
    /^callback-dispatcher-worker: refusing .*CALLBACKS_ALLOW_PRIVATE_NETWORKS=true/,
  ],
  // Past the rules (an explicit outbox opt-in), its database is down: named by the variable it came from.
  [
    'verify',
    'verify/src/main.js',
    { ...production, SIGNET_ALLOW_OUTBOX_PROVIDER: 'true', VERIFY_DATABASE_URL: `postgres://signet:hunter2@${DEAD}/signet` },
    /^verify: cannot reach VERIFY_DATABASE_URL \(postgres:\/\/signet:\*\*\*@127\.0\.0\.1:1\/signet\): .*ECONNREFUSED/,
  ],
  ['gateway', 'gateway/src/main.js', { NATS_URL: `nats://${DEAD}` }, /^gateway: cannot reach NATS_URL \(nats:\/\/127\.0\.0\.1:1\)/],
];

describe('start-up refusals (built entry points)', () => {
  it.concurrent.each(cases)('%s (case %#) exits with one line', async (_app, entry, env, message) => {
    const { code, stderr } = await start(entry, env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(stderr).not.toContain('hunter2');
  });
});
