// The documented autoscaling check (issue 14): a burst of session creates builds a delivery backlog, and the two
// numbers KEDA's ScaledObject for verify-worker reads (deploy/components/autoscaling) rise, then fall as the worker
// drains it. Samples the verify worker's /metrics every 250 ms; `--write` appends RESULTS.md.
//   SIGNET_NAMESPACE=bench-ops node bench/backlog.mjs [--seconds 8] [--connections 50] [--write]
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, root } from './bench-env.mjs';
import { createLoad } from './load.mjs';

const burstSeconds = Number(arg('seconds', 8));
const connections = Number(arg('connections', 50));
const ns = process.env.SIGNET_NAMESPACE || 'bench-ops';
const env = await prepareBench({
  SIGNET_NAMESPACE: ns,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/signet_${ns.replaceAll('-', '_')}`,
  REDIS_PREFIX: `signet-${ns}`,
  GATEWAY_PORT: '18290',
  SIGNET_HEALTH_PORT_BASE: '18300',
});
const { startStack, waitUntilReady, healthPorts } = await import('../tools/stack.mjs');
const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const workerMetrics = `http://127.0.0.1:${healthPorts(env)['verify-worker']}/metrics`;

/** The ScaledObject's two queries, read from the worker itself: waiting (+ prioritized) jobs, oldest job's age. */
async function sample() {
  const text = await (await fetch(workerMetrics)).text();
  const value = (re) => [...text.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
  return {
    waiting: value(/^signet_queue_jobs\{queue="verify.otp-delivery",state="(?:waiting|prioritized)"\} (\S+)$/gm),
    oldest: value(/^signet_queue_oldest_waiting_seconds\{queue="verify.otp-delivery"\} (\S+)$/gm),
  };
}

const stack = startStack(env, { output: 'silent' });
const samples = [];
try {
  await waitUntilReady(url, 120_000);
  const started = Date.now();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({ t: (Date.now() - started) / 1000, ...(await sample()) });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await new Promise((r) => setTimeout(r, 1000));
  const burst = await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, burstSeconds, connections);
  const burstEnd = (Date.now() - started) / 1000;
  // Until the backlog is gone (or a minute).
  while (Date.now() - started < burstEnd * 1000 + 60_000) {
    await new Promise((r) => setTimeout(r, 250));
    const last = samples.at(-1);
    if (last && last.t > burstEnd && last.waiting === 0) break;
  }
  sampling = false;
  await sampler;
  const peak = samples.reduce((a, s) => (s.waiting > a.waiting ? s : a), samples[0]);
  const oldest = Math.max(...samples.map((s) => s.oldest));
  const drained = samples.find((s) => s.t > peak.t && s.waiting === 0);
  const summary = { burst, burstEnd, before: samples[0], peak, oldest, drainedAt: drained?.t };
  console.log(JSON.stringify(summary));
  if (process.argv.includes('--write')) {
    const every = Math.max(1, Math.floor(samples.length / 16));
    const rows = samples.filter((_, i) => i % every === 0 || samples[i] === peak || samples[i] === drained);
    appendFileSync(
      `${root}/bench/RESULTS.md`,
      `
## Autoscaling signal: a burst builds an OTP backlog, and it drains (issue 14) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
Machine: ${os.cpus().length} cores, Node ${process.version}; the whole stack with one verify worker, Postgres, Redis, NATS and autocannon on this one machine, nothing else running (load average at the end, the stack's own: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}).
Command: \`SIGNET_NAMESPACE=${ns} node bench/backlog.mjs --seconds ${burstSeconds} --connections ${connections} --write\`: ${burst.rps} creates/s for ${burstSeconds} s, then nothing; the verify worker's \`/metrics\` sampled every 250 ms for the two numbers the verify-worker ScaledObject reads.

| t (s) | waiting jobs | oldest waiting (s) |
|---|---|---|
${rows.map((s) => `| ${s.t.toFixed(1)} | ${s.waiting} | ${s.oldest.toFixed(1)} |`).join('\n')}

Before the burst ${samples[0].waiting} waiting; peak ${peak.waiting} waiting at ${peak.t.toFixed(1)} s (burst ended at ${burstEnd.toFixed(1)} s), oldest job ${oldest.toFixed(1)} s old at worst; ${drained ? `back to 0 at ${drained.t.toFixed(1)} s` : 'not drained within a minute'}. With the ScaledObject's thresholds (20 waiting per replica, 5 s oldest age) KEDA would have asked for ${Math.min(20, Math.max(2, Math.ceil(peak.waiting / 20)))} replicas at the peak (min 2, max 20) and returned to the floor after the cool-down.
`,
    );
  }
} finally {
  await stack.stop();
}
