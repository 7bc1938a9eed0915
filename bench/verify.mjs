// Session create and validate through the gateway with every service and worker running on this machine, beside
// the baseline (../shared/bench-baseline) in the same sitting. Prints JSON lines; `--write` appends RESULTS.md.
//   flock /tmp/signet-test.lock node bench/verify.mjs [--seconds 20] [--connections 50] [--no-baseline] [--write]
// (the lock keeps test runs, which share NATS subjects, off the machine meanwhile)
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';
import { createLoad, openSessions, validateLoad } from './load.mjs';

const seconds = Number(arg('seconds', 20));
const connections = Number(arg('connections', 50));
const withBaseline = !process.argv.includes('--no-baseline');

const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const { ensureDatabase } = await import('../tools/database.mjs');
const env = await prepareBench();
const { results, record } = recorder();

async function measure(label, url, authId, token) {
  record(`${label} create (delivery running)`, await createLoad(url, authId, token, seconds, connections));
  record(`${label} create (delivery running, 10 connections)`, await createLoad(url, authId, token, Math.max(10, seconds - 5), 10));
  const uuids = await openSessions(url, authId, token, 5000, '+1651');
  record(`${label} validate (wrong codes, 5,000 open sessions)`, await validateLoad(url, authId, token, uuids, Math.max(10, seconds - 5), connections));
}

const signetUrl = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const stack = startStack(env, { output: 'silent' });
try {
  await waitUntilReady(signetUrl);
  await measure('signet', signetUrl, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN);
} finally {
  await stack.stop();
}

if (withBaseline) {
  // The baseline is run from a scratch copy (its folder is read-only and none of its code belongs in the project).
  const source = process.env.SIGNET_BASELINE_DIR ?? `${root}/../shared/bench-baseline`;
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
    await new Promise((r) => setTimeout(r, 2500));
    await measure('baseline', 'http://127.0.0.1:18080', 'MABASELINE0000000001', 'BaselineToken0123456789abcdefghijklmnopq');
  } finally {
    server.kill();
    worker.kill();
  }
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `\n## Verify create and validate — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every Signet service, the verify worker, Postgres, Redis, NATS and the load generator on this one machine.`,
    `Command: \`node bench/verify.mjs --seconds ${seconds} --connections ${connections} --write\` (autocannon, ${connections} connections, ${seconds} s create / ${Math.max(10, seconds - 5)} s validate).`,
    '',
    '| run | req/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx}${
          r.statuses
            ? ` (${Object.entries(r.statuses)
                .map(([s, v]) => `${s}: ${v.count}`)
                .join(', ')})`
            : ''
        } | ${r.errors + r.timeouts} |`,
    ),
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
process.exit(0);
