// A scripted SMS-pumping burst at each Fraud Shield level: creates as fast as 10 connections allow to the numbers of
// one fresh range (one 10 000-number block), beside ordinary traffic spread over other ranges; counts, from the
// Summary, the sends let through before the block and anything of the ordinary traffic held back.
//   flock /tmp/signet-test.lock node bench/fraud-shield.mjs [--burst 200] [--write]
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, root } from './bench-env.mjs';
import { spreadRecipient } from './load.mjs';

const burst = Number(arg('burst', 200));
const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const env = await prepareBench();
const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const base = `${url}/v1/Account/${env.SIGNET_BOOTSTRAP_AUTH_ID}`;
const headers = {
  authorization: 'Basic ' + Buffer.from(`${env.SIGNET_BOOTSTRAP_AUTH_ID}:${env.SIGNET_BOOTSTRAP_AUTH_TOKEN}`).toString('base64'),
  'content-type': 'application/json',
};
const call = async (method, path, body) => {
  const res = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};

/** `count` creates over `connections` parallel loops; `recipient(i)` names the i-th. */
async function pump(count, recipient, app_uuid, connections = 10) {
  let next = 0;
  const statuses = {};
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        const { status } = await call('POST', '/Verify/Session/', { recipient: recipient(next++), app_uuid });
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

const rows = [];
const stack = startStack(env, { output: 'silent' });
try {
  await waitUntilReady(url);
  let area = 200;
  let ordinaryN = 0;
  for (const level of ['high', 'medium', 'low']) {
    const pumped = (await call('POST', '/Verify/App/', { name: `pumped ${level}`, fs_protection_level: level })).body.app_uuid;
    const ordinary = (await call('POST', '/Verify/App/', { name: `ordinary ${level}`, fs_protection_level: level })).body.app_uuid;
    const range = `+1312${area++}`;
    const started = performance.now();
    const [burstStatuses] = await Promise.all([
      pump(burst, (i) => `${range}${String(i).padStart(4, '0')}`, pumped),
      pump(burst, () => spreadRecipient(ordinaryN++), ordinary, 5),
    ]);
    const seconds = (performance.now() - started) / 1000;
    const p = (await call('GET', `/Verify/Summary/?app_uuid=${pumped}`)).body;
    const o = (await call('GET', `/Verify/Summary/?app_uuid=${ordinary}`)).body;
    const row = {
      level,
      burst,
      seconds: Number(seconds.toFixed(1)),
      statuses: burstStatuses,
      let_through: p.attempts.sms - p.blocked.fraud_shield,
      held_back: p.blocked.fraud_shield,
      ordinary_sent: o.attempts.sms,
      ordinary_held_back: o.blocked.fraud_shield,
    };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
} finally {
  await stack.stop();
}

if (process.argv.includes('--write')) {
  const lines = [
    `\n## Fraud Shield: a scripted pumping burst per level — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; the whole stack on this machine, shared with other helpers' test runs (load average ${os.loadavg()[0].toFixed(0)} at the end).`,
    `Command: \`node bench/fraud-shield.mjs --burst ${burst} --write\` — per level, ${burst} creates (10 connections) to one range beside ${burst} ordinary creates (5 connections) spread over other ranges, each on its own app; counts from the Summary.`,
    '',
    '| level | burst sends | sends let through before the block | held back (452) | ordinary sends | ordinary held back | burst took |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.level} | ${r.burst} | ${r.let_through} | ${r.held_back} | ${r.ordinary_sent} | ${r.ordinary_held_back} | ${r.seconds} s |`),
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
process.exit(0);
