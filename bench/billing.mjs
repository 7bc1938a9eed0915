// Charging throughput straight at billing-alerts over NATS (what verify does before each attempt is queued), on one
// hot account and spread over 1,000 accounts — first with every charge committing alone (BILLING_CHARGE_BATCH=0),
// then with group commit (the default) — then session create through the gateway with and without charging, and the
// baseline (../shared/bench-baseline), all in one sitting. "Without charging" is the platform's never-charged path:
// the stack restarted with SIGNET_CONSOLE_VERIFY_ACCOUNT set to the bench account, so billing answers verify's charge
// request at once (the NATS round trip stays, the ledger statement goes). Prints JSON lines; `--write` appends RESULTS.md.
// `--before <dir>`: first the same charge runs against another checkout's build (e.g. `git worktree add` of the
// commit before a change, its dist/ built), on the same database, for a before/after in one sitting.
//   SIGNET_NAMESPACE=bench-me node bench/billing.mjs [--charges 20000] [--concurrency 100] [--seconds 20] [--before dir] [--no-baseline] [--write]
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';
import { runBaseline } from './baseline.mjs';
import { createLoad } from './load.mjs';

const total = Number(arg('charges', 20000));
const concurrency = Number(arg('concurrency', 100));
const seconds = Number(arg('seconds', 20));
const withBaseline = !process.argv.includes('--no-baseline');
const before = arg('before', undefined);

const { startStack, waitUntilReady } = await import('../tools/stack.mjs');
const env = await prepareBench();
const { results, record } = recorder();
const { connectNats, RpcClient } = await import('../dist/libs/nats/src/index.js');
const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const START = 1_000_000_000_000n;

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
          .call('billing.charge.attempt', {
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

/** One stack with `extra` settings (from `stackModule`'s checkout), `run` against it, stopped afterwards. */
async function withStack(extra, run, stackModule = { startStack, waitUntilReady }) {
  const stack = stackModule.startStack({ ...env, ...extra }, { output: 'silent' });
  try {
    await stackModule.waitUntilReady(url, 180_000);
    await run();
  } finally {
    await stack.stop();
  }
}

/** Hot and spread charges on fresh accounts (billing's own rows: charging needs nothing from identity). */
async function chargeRuns(db, label, tag) {
  const nc = await connectNats(env.NATS_URL ?? 'nats://127.0.0.1:4222', 'bench-billing');
  const rpc = new RpcClient(nc, 10_000);
  const hot = `MABENCHHOT${tag}`.padEnd(20, '0');
  const many = Array.from({ length: 1000 }, (_, i) => `MABENCH${tag}${String(i).padStart(13 - tag.length, '0')}`);
  await db.query(`INSERT INTO billing.accounts (auth_id, balance_micros) SELECT unnest($1::text[]), $2`, [[hot, ...many], START.toString()]);
  await charges(rpc, [hot], 1000); // warm-up
  record(`charges, one hot account (${label})`, await charges(rpc, [hot], total));
  record(`charges, 1,000 accounts (${label})`, await charges(rpc, many, total));
  await nc.drain();
  return [hot, ...many];
}

const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
const charged = [];
const creates = (label) => async () => {
  record(`signet create ${label} (delivery running)`, await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, 50));
  record(
    `signet create ${label} (delivery running, 10 connections)`,
    await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, Math.max(10, seconds - 5), 10),
  );
};
try {
  if (before) {
    const mod = await import(`${before}/tools/stack.mjs`);
    const commit = execFileSync('git', ['-C', before, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).trim();
    await withStack({}, async () => charged.push(...(await chargeRuns(db, `before: ${commit}`, 'P'))), mod);
  }
  await withStack({ BILLING_CHARGE_BATCH: '0' }, async () => charged.push(...(await chargeRuns(db, 'prepared, each commits alone', 'A'))));
  await withStack({}, async () => {
    charged.push(...(await chargeRuns(db, 'prepared + group commit', 'B')));
    await creates('with charging')();
  });
  await withStack({ SIGNET_CONSOLE_VERIFY_ACCOUNT: env.SIGNET_BOOTSTRAP_AUTH_ID }, creates('without charging (never-charged account)'));
  const [check] = (
    await db.query(
      `SELECT bool_and(a.balance_micros = $2 + l.s) AS exact, sum(l.n)::int AS n FROM billing.accounts a
       JOIN (SELECT auth_id, sum(amount_micros) AS s, count(*) AS n FROM billing.ledger GROUP BY auth_id) l USING (auth_id)
       WHERE a.auth_id = ANY($1::text[])`,
      [charged, START.toString()],
    )
  ).rows;
  record('ledger check', { balances_equal_ledger: check.exact, entries: check.n });
} finally {
  await db.end().catch(() => undefined);
}
if (withBaseline) {
  await runBaseline(async (baseUrl, authId, token) => {
    record('baseline create (delivery running)', await createLoad(baseUrl, authId, token, seconds, 50));
    record('baseline create (delivery running, 10 connections)', await createLoad(baseUrl, authId, token, Math.max(10, seconds - 5), 10));
  });
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (r) =>
    r.charges !== undefined
      ? `| ${r.name} | ${r.rps} charges/s | ${r.p50_ms} | ${r.p99_ms} | ${r.refused} refused |`
      : r.balances_equal_ledger !== undefined
        ? `| ${r.name} | every balance = its ledger sum: ${r.balances_equal_ledger} | | | ${r.entries} entries |`
        : `| ${r.name} | ${r.rps} req/s | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors |`;
  const lines = [
    `\n## Billing: charges, group commit, session create with and without charging — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every Signet service and worker, Postgres, Redis, NATS and the load generator on this one machine (load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}).`,
    `Command: \`node bench/billing.mjs --charges ${total} --concurrency ${concurrency} --seconds ${seconds}${before ? ` --before ${before}` : ''}${withBaseline ? '' : ' --no-baseline'} --write\` (charges: \`billing.charge.attempt\` over NATS, ${concurrency} in flight, US SMS, fresh attempt uuid each; create: autocannon as in bench/verify.mjs, ${seconds} s at 50 connections, ${Math.max(10, seconds - 5)} s at 10).`,
    '',
    '| run | throughput | p50 ms | p99 ms | notes |',
    '|---|---|---|---|---|',
    ...results.map(row),
  ];
  appendFileSync(`${root}/bench/RESULTS.md`, `${lines.join('\n')}\n`);
}
process.exit(0);
