// Status-callback throughput and latency: verify's `attempt.status_changed` events are published straight onto
// SIGNET_EVENTS (as verify's outbox relay does, occurred_at = now), callback-dispatcher consumes them, its worker(s)
// sign and POST them to a local receiver in this process, which timestamps each arrival.
//   flock /tmp/signet-test.lock node bench/callbacks.mjs [--events 20000] [--rate 1000] [--seconds 10] [--write]
// Runs: throughput with one worker and with two (a backlog of --events published at once), then p50/p99 from the
// event's occurred_at to the receiver's arrival at --rate events/s for --seconds with one worker.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';

const events = Number(arg('events', 20000));
const rate = Number(arg('rate', 1000));
const seconds = Number(arg('seconds', 10));

// The receiver is on loopback, which production refuses to call (CALLBACKS_ALLOW_PRIVATE_NETWORKS=true is refused there).
const env = await prepareBench({ NODE_ENV: 'development', CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'true', CALLBACKS_CONCURRENCY: arg('concurrency', '200') });
const { connectNats, durableName, ensureEventsStream, eventsStream, natsSubject } = await import(`${root}/dist/libs/nats/src/index.js`);
const { jetstream } = await import('@nats-io/jetstream');
const { results, record } = recorder();

// Remove the durables of an earlier bench so the dispatcher starts at the stream's end, not at its history.
const nc = await connectNats(env.NATS_URL ?? 'nats://127.0.0.1:4222', 'bench-callbacks');
const jsm = await ensureEventsStream(nc);
const js = jetstream(nc);
const SUBJECT = 'events.verify.attempt.status_changed.v1';
const { AckPolicy, DeliverPolicy } = await import('@nats-io/jetstream');
for (const subject of [SUBJECT, 'events.verify.session.verified.v1', 'events.verify.session.expired.v1']) {
  // The bench's namespace (bench-env.mjs) has its own stream and prefixed subjects.
  const name = durableName('callback-dispatcher', subject);
  await jsm.consumers.delete(eventsStream().name, name).catch(() => undefined);
  await jsm.consumers.add(eventsStream().name, {
    durable_name: name,
    filter_subject: natsSubject(subject),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.New,
    ack_wait: 30e9,
    max_ack_pending: 4096,
  });
}

const arrivals = [];
let firstAt = 0;
const receiver = createServer((req, res) => {
  const t = performance.timeOrigin + performance.now();
  req.resume();
  req.on('end', () => {
    arrivals.push({ t, occurred: Date.parse(String(req.headers['x-signet-event-time'])) });
    if (!firstAt) firstAt = t;
    res.end('ok');
  });
});
receiver.keepAliveTimeout = 60_000;
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${receiver.address().port}/status`;

const proc = (file) => spawn(process.execPath, [`${root}/dist/${file}`], { env, stdio: 'ignore' });
const stop = (c) => new Promise((r) => (c.exitCode !== null ? r() : (c.once('exit', r), c.kill('SIGTERM'))));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const identity = proc('apps/identity/src/main.js');
await sleep(4000); // identity creates the bootstrap account whose tokens sign every callback
const authId = env.SIGNET_BOOTSTRAP_AUTH_ID;

const event = () => {
  const id = randomUUID();
  const now = new Date().toISOString().replace(/(\.\d{3})Z$/, '$1000Z');
  return {
    id,
    data: JSON.stringify({
      id,
      type: SUBJECT,
      occurred_at: now,
      data: {
        session_uuid: randomUUID(),
        attempt_uuid: randomUUID(),
        attempt_sequence: 1,
        account_id: authId,
        main_account_id: authId,
        app_uuid: randomUUID(),
        channel: 'sms',
        status: 'delivered',
        error_code: null,
        recipient: '14155550100',
        session_status: 'in-progress',
        callback_url: url,
        callback_method: 'POST',
        request_time: now,
      },
    }),
  };
};

async function publish(n, perSecond) {
  const started = Date.now();
  const batch = [];
  for (let i = 0; i < n; i++) {
    const e = event();
    batch.push(js.publish(natsSubject(SUBJECT), e.data, { msgID: e.id }));
    if (batch.length >= 200) await Promise.all(batch.splice(0));
    if (perSecond) {
      const due = started + (i * 1000) / perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
    }
  }
  await Promise.all(batch);
}

async function waitFor(n, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (arrivals.length < n && Date.now() < until) await sleep(50);
  return arrivals.length >= n;
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function run(label, workers, n, perSecond) {
  arrivals.length = 0;
  firstAt = 0;
  const dispatcher = proc('apps/callback-dispatcher/src/main.js');
  const ws = Array.from({ length: workers }, () => proc('apps/callback-dispatcher/src/main.worker.js'));
  await sleep(5000);
  // Warm-up: connections, token cache, JIT.
  await publish(500, 0);
  await waitFor(500, 30_000);
  arrivals.length = 0;
  firstAt = 0;
  const t0 = performance.timeOrigin + performance.now();
  await publish(n, perSecond);
  const complete = await waitFor(n, 120_000);
  const last = arrivals.length ? arrivals[arrivals.length - 1].t : t0;
  const latencies = arrivals.map((a) => a.t - a.occurred).sort((a, b) => a - b);
  const r = {
    workers,
    published: n,
    arrived: arrivals.length,
    complete,
    callbacks_per_s: Math.round(arrivals.length / ((last - t0) / 1000)),
    p50_ms: Math.round(pct(latencies, 50)),
    p99_ms: Math.round(pct(latencies, 99)),
  };
  record(label, r);
  await Promise.all([stop(dispatcher), ...ws.map(stop)]);
  return r;
}

try {
  await run('backlog, 1 worker', 1, events, 0);
  await run('backlog, 2 workers', 2, events, 0);
  await run(`steady ${rate}/s for ${seconds} s, 1 worker`, 1, rate * seconds, rate);
} finally {
  await stop(identity);
  receiver.close();
  await nc.drain();
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `\n## Status callbacks (issue 11) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; identity, callback-dispatcher, its worker(s), Postgres, Redis, NATS, the event publisher and the receiver on this one machine (NODE_ENV=development: production refuses the private networks the local receiver needs; CALLBACKS_CONCURRENCY=${env.CALLBACKS_CONCURRENCY}).`,
    `Command: \`node bench/callbacks.mjs --events ${events} --rate ${rate} --seconds ${seconds} --write\`.`,
    '',
    '| run | workers | callbacks | callbacks/s | p50 ms | p99 ms |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.workers} | ${r.arrived}/${r.published} | ${r.callbacks_per_s} | ${r.p50_ms} | ${r.p99_ms} |`),
    '',
    "Events are published onto SIGNET_EVENTS as verify's relay publishes them (occurred_at = publish time), so the latency runs from the status change's event to the signed POST's arrival: consumer, `callbacks` row, BullMQ job, identity-signed request. A backlog run publishes every event at once (latency there is mostly queueing); the steady run paces them at the target rate.",
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
process.exit(0);
