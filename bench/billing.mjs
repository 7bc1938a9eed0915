// Charging throughput straight at billing-alerts over NATS (what verify does before each attempt is queued), on one
// hot account and spread over 1,000 accounts, then session create through the gateway with charging in the path.
// Prints JSON lines; `--write` appends RESULTS.md. Run under the test lock so nothing else shares the machine:
//   flock /tmp/signet-test.lock node bench/billing.mjs [--charges 20000] [--concurrency 100] [--seconds 20] [--write]
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';
import { createLoad } from './load.mjs';

const total = Number(arg('charges', 20000));
const concurrency = Number(arg('concurrency', 100));
const seconds = Number(arg('seconds', 20));

const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const env = await prepareBench();
const { results, record } = recorder();
const { connectNats, RpcClient } = await import('../dist/libs/nats/src/index.js');

/** Fires `n` charges, `concurrency` in flight at a time; accounts picked round-robin. */
async function charges(rpc, accounts, n) {
  const latencies = [];
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const a = accounts[i % accounts.length];
        const t = performance.now();
        await rpc
          .request('billing.charge.attempt', {
            caller: { auth_id: a, main_auth_id: a, is_subaccount: false },
            attempt_uuid: randomUUID(),
            country_iso: 'US',
            channel: 'sms',
          })
          .catch(() => refused++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const q = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10;
  return { charges: n, rps: Math.round(n / elapsed), p50_ms: q(0.5), p99_ms: q(0.99), refused };
}

const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const stack = startStack(env, { output: 'silent' });
const db = new pg.Client({ connectionString: env.DATABASE_URL });
try {
  await waitUntilReady(url);
  await db.connect();
  const nc = await connectNats(env.NATS_URL ?? 'nats://127.0.0.1:4222', 'bench-billing');
  const rpc = new RpcClient(nc, 10_000);
  // Accounts with credit for every charge (billing's own rows: charging needs nothing from identity).
  const hot = 'MABENCHHOTACCOUNT001';
  const many = Array.from({ length: 1000 }, (_, i) => `MABENCHACCT${String(i).padStart(9, '0')}`);
  await db.query(`INSERT INTO billing.accounts (auth_id, balance_micros) SELECT unnest($1::text[]), 1000000000000`, [[hot, ...many]]);
  await charges(rpc, [hot], 1000); // warm-up
  record('charges, one hot account', await charges(rpc, [hot], total));
  record('charges, 1,000 accounts', await charges(rpc, many, total));
  const [check] = (
    await db.query(
      `SELECT bool_and(a.balance_micros = 1000000000000 + l.s) AS exact FROM billing.accounts a
       JOIN (SELECT auth_id, sum(amount_micros) AS s FROM billing.ledger GROUP BY auth_id) l USING (auth_id)
       WHERE a.auth_id = ANY($1::text[])`,
      [[hot, ...many]],
    )
  ).rows;
  record('ledger check', { balances_equal_ledger: check.exact });
  await nc.drain();
  record('signet create with charging (delivery running)', await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, 50));
  record(
    'signet create with charging (delivery running, 10 connections)',
    await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, Math.max(10, seconds - 5), 10),
  );
} finally {
  await db.end().catch(() => undefined);
  await stack.stop();
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (r) =>
    r.charges !== undefined
      ? `| ${r.name} | ${r.rps} charges/s | ${r.p50_ms} | ${r.p99_ms} | ${r.refused} refused |`
      : r.balances_equal_ledger !== undefined
        ? `| ${r.name} | every balance = its ledger sum: ${r.balances_equal_ledger} | | | |`
        : `| ${r.name} | ${r.rps} req/s | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors |`;
  const lines = [
    `\n## Billing: charges and session create with charging — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every Signet service and worker, Postgres, Redis, NATS and the load generator on this one machine.`,
    `Command: \`node bench/billing.mjs --charges ${total} --concurrency ${concurrency} --seconds ${seconds} --write\` (charges: \`billing.charge.attempt\` over NATS, ${concurrency} in flight, US SMS; create: autocannon as in bench/verify.mjs).`,
    '',
    '| run | throughput | p50 ms | p99 ms | notes |',
    '|---|---|---|---|---|',
    ...results.map(row),
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
process.exit(0);
