// Console logins: what the password step (argon2id) allows per second, and that the API's BasicAuth path keeps its
// throughput while logins run. Prints JSON lines; `--write` puts the "Console logins (issue 13)" section into RESULTS.md.
//   flock /tmp/signet-test.lock node bench/console.mjs [--seconds 10] [--connections 20] [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';

const seconds = Number(arg('seconds', 10));
const connections = Number(arg('connections', 20));
const USERS = 50;
const PASSWORD = 'Correct-Horse-Battery-42';

// Production refuses to start without SMTP: a local sink takes the mail.
const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (s, _x, cb) => s.on('end', () => cb()).resume() });
await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
const env = await prepareBench({
  SIGNET_ADMIN_TOKEN: 'bench-admin-token-0123456789',
  SIGNET_SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}?tls=off`,
});
const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const { hash, verify } = await import('@node-rs/argon2');
const { ARGON2_OPTIONS } = await import(`${root}/dist/apps/identity/src/console/passwords.js`);
const { results, record } = recorder();
const basic = (a) => 'Basic ' + Buffer.from(`${a.authId}:${a.token}`).toString('base64');

async function openAccount(url) {
  const res = await fetch(`${url}/admin/v1/Account/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.SIGNET_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: `bench-${randomUUID()}@example.com`, data_region: 'us' }),
  });
  const body = await res.json();
  return { authId: body.auth_id, token: body.auth_token };
}

/** The argon2id verify alone, in process, `parallel` at a time (libuv's pool has 4 threads on 2 cores). */
async function argonRate(parallel) {
  const stored = await hash(PASSWORD, ARGON2_OPTIONS);
  const until = performance.now() + 5000;
  let n = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < until) {
        await verify(stored, PASSWORD);
        n++;
      }
    }),
  );
  return { verifies_per_s: Math.round(n / 5), per_verify_ms: Number(((5000 * parallel) / n).toFixed(1)) };
}

// Non-2xx answers named by status (`503×12`), so a refusal is told apart from a timeout or a throttle.
const refusals = (r) =>
  Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}×${s.count}`)
    .join(' ');
const summary = (r) => ({
  rps: Math.round(r.requests.average),
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  non2xx: r.non2xx ? `${r.non2xx} (${refusals(r)})` : 0,
  errors: r.errors + r.timeouts,
});
const basicLoad = (url, accounts) => {
  let i = 0;
  return autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const a = accounts[i++ % accounts.length];
          return { ...req, path: `/v1/Account/${a.authId}/`, headers: { authorization: basic(a) } };
        },
      },
    ],
  });
};
const loginLoad = (url, users) => {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: '/console/v1/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: users[i++ % users.length], password: PASSWORD }),
        }),
      },
    ],
  });
};

const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const loadBefore = os.loadavg()[0].toFixed(1);
const stack = startStack(env, { output: 'silent' });
try {
  await waitUntilReady(url);
  record('argon2id verify in process, 1 at a time', await argonRate(1));
  record('argon2id verify in process, 4 at a time', await argonRate(4));
  // Active users with an authenticator app, so a login's first step sends no SMS: the password step alone.
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const stored = await hash(PASSWORD, ARGON2_OPTIONS);
  const users = [];
  const accounts = [];
  for (let i = 0; i < USERS; i++) {
    const account = await openAccount(url);
    accounts.push(account);
    const email = `bench-${randomUUID().slice(0, 8)}@acme-bench.com`;
    await db.query(
      `INSERT INTO identity.console_users (id, auth_id, email, name, phone, password_hash, role, email_verified_at, phone_verified_at, totp_sealed, totp_enabled_at)
       VALUES ($1, $2, $3, 'Bench', $4, $5, 'owner', now(), now(), '\\x00', now())`,
      [randomUUID(), account.authId, email, `+1415${String(1000000 + i)}`, stored],
    );
    users.push(email);
  }
  await db.end();
  for (const a of accounts) await fetch(`${url}/v1/Account/${a.authId}/`, { headers: { authorization: basic(a) } });
  record('POST /console/v1/login (right password: lookup, argon2id, login row)', summary(await loginLoad(url, users)));
  record('GET /v1/Account/{id}/ BasicAuth alone', summary(await basicLoad(url, accounts)));
  const [api, logins] = await Promise.all([basicLoad(url, accounts), loginLoad(url, users)]);
  record('GET /v1/Account/{id}/ BasicAuth while logins run', summary(api));
  record('POST /console/v1/login meanwhile', summary(logins));
} finally {
  await stack.stop();
  smtp.close();
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (r) => `| ${r.name} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} | ${r.errors} |`;
  const [one, four, login, alone, during, loginDuring] = results;
  const section = [
    `## Console logins (issue 13) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every service, Postgres, Redis, NATS and the load generator on this one machine (NODE_ENV=production). Load average (1 min) ${loadBefore} before the run, ${os.loadavg()[0].toFixed(1)} after: anything well above the 2 cores means other work shared the machine, and every figure is depressed by it.`,
    `Command: \`node bench/console.mjs --seconds ${seconds} --connections ${connections} --write\` (autocannon; logins over ${USERS} users with ${connections} connections, BasicAuth over ${USERS} accounts with 50).`,
    '',
    `argon2id at m=19 MiB, t=2, p=1 (OWASP's first recommended setting): ${one.per_verify_ms} ms per verify one at a time (${one.verifies_per_s}/s), ${four.verifies_per_s}/s four at a time on libuv's pool.`,
    '',
    '| run | req/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---|---|---|---|',
    row(login),
    row(alone),
    row(during),
    row(loginDuring),
    '',
    "Why this cost: a login is a rare event per person (then a 15-minute access token and a refresh token carry the session), so a few dozen logins per second per identity replica is ample, while 19 MiB and two passes make each offline guess cost the same memory-hard work on an attacker's GPU; online guessing is stopped by the throttles (20 failures per user, 100 per address in 15 minutes). API calls never touch argon2: BasicAuth checks an HMAC of the auth token (cached at the gateway), so the API path only shares the CPU with concurrent logins, and identity hashes at most every core but one at a time (one here; apps/identity/src/console/passwords.ts), so a login burst waits its turn instead of taking the API's CPU; the two BasicAuth rows show what the sharing still costs.",
    '',
  ].join('\n');
  const file = `${root}/bench/RESULTS.md`;
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('## Console logins (issue 13)');
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${end < 0 ? '' : `\n${current.slice(end + 1)}`}`;
  writeFileSync(file, next);
}
process.exit(0);
