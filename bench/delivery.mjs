// Real delivery through the local vendor fakes, side by side in one sitting: the platform's share of OTP latency
// (create accepted → the fake provider receives the request) at 200 sessions/s; the latency one fallback adds, and
// a dead sender behind an open circuit; scale-out (creates delivered per second with a provider answering in 50 ms,
// one worker process vs two); create throughput against ../shared/bench-baseline. `--write` appends RESULTS.md.
//   flock /tmp/signet-test.lock node bench/delivery.mjs [--seconds 8] [--no-baseline] [--write]
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';
import { createLoad } from './load.mjs';

const seconds = Number(arg('seconds', 8));
const withBaseline = !process.argv.includes('--no-baseline');
const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const { ensureDatabase } = await import('../tools/database.mjs');
const env0 = await prepareBench();
const { FakeTwilio } = await import('../dist/libs/testing/src/vendors/twilio-fake.js');
const { FakePlivo } = await import('../dist/libs/testing/src/vendors/plivo-fake.js');
const twilio = await new FakeTwilio().start();
const plivo = await new FakePlivo().start();
const platformCreds = twilio.addAccount([{ phone_number: '+14155550101', sms: true, voice: true }]);
const deadCreds = plivo.addAccount([{ number: '14155550102', sms: true, voice: true }]);
const { results, record } = recorder();
const notes = [];

const baseEnv = {
  ...env0,
  SIGNET_TWILIO_API_URL: twilio.url,
  SIGNET_PLIVO_API_URL: plivo.url,
  SIGNET_PLATFORM_SENDER: JSON.stringify({ provider: 'twilio', credentials: platformCreds, numbers: [{ number: '+14155550101' }] }),
  VERIFY_PROVIDER_TIMEOUT_MS: '1000',
};
const url = `http://127.0.0.1:${env0.GATEWAY_PORT}`;
const authId = env0.SIGNET_BOOTSTRAP_AUTH_ID;
const auth = 'Basic ' + Buffer.from(`${authId}:${env0.SIGNET_BOOTSTRAP_AUTH_TOKEN}`).toString('base64');
const api = async (method, path, body) => {
  const res = await fetch(`${url}/v1/Account/${authId}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? {} : await res.json() };
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null;
};

let seq = Math.floor(Math.random() * 1e6);
/** Creates at a fixed rate; returns when each create was accepted, by recipient. */
async function paced(rate, secs, extra = {}) {
  const t0 = Date.now();
  const total = Math.round(rate * secs);
  const accepted = new Map();
  const pending = [];
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const recipient = `+1650${String(2000000 + (seq++ % 7999999))}`;
    pending.push(
      fetch(`${url}/v1/Account/${authId}/Verify/Session/`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ recipient, ...extra }),
      }).then(
        async (res) => {
          await res.text();
          if (res.ok) accepted.set(recipient, performance.timeOrigin + performance.now());
          else failed++;
        },
        () => failed++,
      ),
    );
  }
  await Promise.all(pending);
  return { accepted, failed, elapsed: (Date.now() - t0) / 1000 };
}

/** create accepted → the fake received the send, per session, once all have arrived (or 10 s passed). */
async function shareOf(fake, run) {
  const until = Date.now() + 10_000;
  const arrived = () => fake.sends.filter((s) => run.accepted.has(s.to));
  while (arrived().length < run.accepted.size && Date.now() < until) await sleep(50);
  const ms = arrived().map((s) => s.at - run.accepted.get(s.to));
  return { sessions: run.accepted.size, delivered: ms.length, failed: run.failed, p50_ms: pct(ms, 50), p99_ms: pct(ms, 99) };
}

async function withStack(extraEnv, fn) {
  const env = { ...baseEnv, ...extraEnv };
  const stack = startStack(env, { output: 'silent' });
  try {
    await waitUntilReady(url, 60_000);
    await sleep(500);
    return await fn(env);
  } finally {
    await stack.stop();
  }
}

// 1. Platform share and one fallback (circuit threshold out of reach, so every attempt pays the fallback).
await withStack({ VERIFY_BREAKER_THRESHOLD: '1000000' }, async () => {
  await paced(50, 1); // warm-up
  record('platform share of OTP latency at 200 sessions/s (platform sender only)', await shareOf(twilio, await paced(200, seconds)));
  const dead = await api('POST', '/Verify/Sender/', { name: 'dead', provider: 'plivo', ...deadCreds });
  if (dead.status !== 201) throw new Error(`sender create: ${JSON.stringify(dead.body)}`);
  const app = await api('POST', '/Verify/App/', { name: 'fallback', sender_uuids: [dead.body.sender_uuid] });
  plivo.failWith = 500;
  record(
    'same, app whose primary sender answers 500 (one fallback to the platform sender)',
    await shareOf(twilio, await paced(200, seconds, { app_uuid: app.body.app_uuid })),
  );
  plivo.failWith = undefined;
  const load = await createLoad(url, authId, env0.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, 50);
  record('signet create throughput (50 connections, platform sender = Twilio fake)', load);
});

// 2. A dead sender (hangs: every call a 1 s timeout) behind an open circuit (threshold 3).
await withStack({ VERIFY_BREAKER_THRESHOLD: '3', VERIFY_BREAKER_COOLDOWN_MS: '600000' }, async () => {
  const apps = (await api('GET', '/Verify/App/?limit=20')).body.verify_apps;
  const app = apps.find((a) => a.name === 'fallback');
  plivo.hang = true;
  const opening = await shareOf(twilio, await paced(20, 0.5, { app_uuid: app.app_uuid }));
  notes.push(
    `While the circuit opened (first 10 sessions at 20/s), create→provider p50 ${opening.p50_ms} ms, p99 ${opening.p99_ms} ms: the dead sender's calls before it opened each cost the 1 s timeout.`,
  );
  record(
    'same, app whose primary sender is dead, circuit open (skipped without a call)',
    await shareOf(twilio, await paced(200, seconds, { app_uuid: app.app_uuid })),
  );
  plivo.hang = false;
});

// 3. Scale-out: the provider answers in 50 ms; each worker process takes 10 jobs at a time.
twilio.replyDelayMs = 50;
await withStack({ VERIFY_DELIVERY_CONCURRENCY: '10' }, async (env) => {
  const rate = async (label) => {
    const before = twilio.sends.length;
    const t0 = Date.now();
    const run = await paced(400, seconds);
    const mid = twilio.sends.slice(before).filter((s) => s.at >= t0 + 2000 && s.at <= t0 + seconds * 1000);
    const perSecond = Math.round(mid.length / (seconds - 2));
    await shareOf(twilio, run); // drain before the next run
    record(label, { sessions: run.accepted.size, delivered_per_s: perSecond, failed: run.failed });
    return perSecond;
  };
  const one = await rate('creates delivered per second, provider answering in 50 ms, 1 worker process (concurrency 10)');
  const extra = spawn(process.execPath, [`${root}/dist/apps/verify/src/main.worker.js`], { env, stdio: 'ignore' });
  try {
    await sleep(3000);
    const two = await rate('same, 2 worker processes');
    notes.push(`Scale-out: ${two} / ${one} = ${(two / one).toFixed(2)}× with two worker processes (goal ≥ 1.7×).`);
  } finally {
    extra.kill('SIGTERM');
  }
});
twilio.replyDelayMs = 0;
await twilio.stop();
await plivo.stop();

if (withBaseline) {
  // ../shared from a clone, ../../shared from a worktree under wt/
  const source = process.env.SIGNET_BASELINE_DIR ?? [`${root}/../shared/bench-baseline`, `${root}/../../shared/bench-baseline`].find((d) => existsSync(d));
  const dir = `${os.tmpdir()}/signet-bench-baseline`;
  if (!existsSync(`${dir}/node_modules`)) {
    mkdirSync(dir, { recursive: true });
    cpSync(source, dir, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  await ensureDatabase('postgres://postgres@127.0.0.1:5432/baseline', { recreate: true });
  const server = spawn(process.execPath, ['server.mjs'], { cwd: dir, stdio: 'ignore' });
  const worker = spawn(process.execPath, ['server.mjs', 'worker'], { cwd: dir, stdio: 'ignore' });
  try {
    await sleep(2500);
    record(
      'baseline create throughput (50 connections)',
      await createLoad('http://127.0.0.1:18080', 'MABASELINE0000000001', 'BaselineToken0123456789abcdefghijklmnopq', seconds, 50),
    );
  } finally {
    server.kill();
    worker.kill();
  }
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const cell = (v) => (v === undefined || v === null ? '' : v);
  const lines = [
    `\n## Delivery through vendor fakes (issue 9) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every Signet service, the verify worker(s), Postgres, Redis, NATS, the Twilio/Plivo fakes and the load generator on this one machine (NODE_ENV=production).`,
    `Command: \`flock /tmp/signet-test.lock node bench/delivery.mjs --seconds ${seconds} --write\`.`,
    '',
    '| run | sessions | delivered | create→provider p50 ms | p99 ms | delivered/s | req/s | create p99 ms | failed/non-2xx |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${cell(r.sessions)} | ${cell(r.delivered)} | ${cell(r.p50_ms && r.rps === undefined ? r.p50_ms : '')} | ${cell(r.rps === undefined ? r.p99_ms : '')} | ${cell(r.delivered_per_s)} | ${cell(r.rps)} | ${cell(r.rps !== undefined ? r.p99_ms : '')} | ${cell(r.failed ?? r.non2xx)} |`,
    ),
    '',
    ...notes,
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
console.log(notes.join('\n'));
process.exit(0);
