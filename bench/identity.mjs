// Identity at the gateway: what BasicAuth costs per request, and how fast a token rotation reaches a second gateway
// replica. Prints JSON lines; `--write` puts the "Identity (issue 3)" section into RESULTS.md (replacing an earlier one).
//   flock /tmp/signet-test.lock node bench/identity.mjs [--seconds 10] [--connections 50] [--rotations 50] [--write]
// (the lock keeps test runs, which share NATS subjects, off the machine meanwhile)
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';

const seconds = Number(arg('seconds', 10));
const connections = Number(arg('connections', 50));
const rotations = Number(arg('rotations', 50));
/** Distinct credentials in the load, so concurrent requests rarely share one identity call when the cache is off. */
const ACCOUNTS = 200;

const { startStack, startGateway, waitUntilReady } = await import('../tools/stack.mjs');
const env = await prepareBench({ SIGNET_ADMIN_TOKEN: 'bench-admin-token-0123456789' });
const { results, record } = recorder();

const basic = (authId, token) => 'Basic ' + Buffer.from(`${authId}:${token}`).toString('base64');

/** GETs `path(account)` round-robin over the accounts given (none: no auth), so identical credentials rarely overlap. */
async function load(url, accounts, path) {
  let i = 0;
  const setupRequest = (req) => {
    const a = accounts[i++ % accounts.length];
    return { ...req, path: path(a), headers: { ...req.headers, authorization: basic(a.authId, a.token) } };
  };
  const r = await autocannon({ url, connections, duration: seconds, requests: [accounts.length > 0 ? { setupRequest } : { path: path() }] });
  return { rps: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function openAccount(url) {
  const res = await fetch(`${url}/admin/v1/Account/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.SIGNET_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: `bench-${Date.now()}-${Math.random()}@example.com`, data_region: 'us' }),
  });
  const body = await res.json();
  return { authId: body.auth_id, token: body.auth_token };
}

async function status(url, a, client) {
  const forwarded = client ? { 'x-forwarded-for': client } : {};
  const res = await fetch(`${url}/v1/Account/${a.authId}/`, { headers: { authorization: basic(a.authId, a.token), ...forwarded } });
  const body = await res.text();
  if (res.status !== 200 && res.status !== 401) throw new Error(`${url}: ${res.status} ${body}`);
  return res.status;
}
const percentile = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/**
 * Rotates through gateway A and polls gateway B with the old token until it is refused. Each refusal is a failed
 * authentication, so every round polls as another client address (B trusts this machine as its proxy): the
 * failed-auth throttle would otherwise stop the run after 20 rounds.
 */
async function rotationReach(a, b, account) {
  const afterReply = [];
  const afterRequest = [];
  let firstPollRefused = 0;
  let current = account;
  for (let i = 0; i < rotations; i++) {
    const client = `198.18.${i >> 8}.${i & 255}`;
    if ((await status(b, current, client)) !== 200) throw new Error('gateway B refused a valid token');
    const sent = performance.now();
    const res = await fetch(`${a}/v1/Account/${current.authId}/AuthToken/`, {
      method: 'POST',
      headers: { authorization: basic(current.authId, current.token), 'content-type': 'application/json' },
      body: '{"expire_old":"immediately"}',
    });
    const replied = performance.now();
    const { auth_token: next } = await res.json();
    let polls = 1;
    while ((await status(b, current, client)) === 200) {
      polls++;
      if (performance.now() - replied > 5000) throw new Error('rotation never reached gateway B');
    }
    if (polls === 1) firstPollRefused++;
    const refused = performance.now();
    afterReply.push(refused - replied);
    afterRequest.push(refused - sent);
    current = { authId: current.authId, token: next };
  }
  const ms = (x) => Number(x.toFixed(2));
  return {
    rotations,
    first_poll_refused: firstPollRefused,
    refused_after_reply_p50_ms: ms(percentile(afterReply, 50)),
    refused_after_reply_max_ms: ms(Math.max(...afterReply)),
    refused_after_request_p50_ms: ms(percentile(afterRequest, 50)),
    refused_after_request_max_ms: ms(Math.max(...afterRequest)),
  };
}

/** The cache-hit path alone, in process: the HMAC compare the guard does on every request it has seen before. */
async function cacheHitCost() {
  const { CredentialCache } = await import(`${root}/dist/apps/gateway/src/auth/credential-cache.js`);
  const cache = new CredentialCache(60_000);
  const caller = {
    auth_id: 'MA1',
    main_auth_id: 'MA1',
    is_subaccount: false,
    data_region: 'us',
    status: 'active',
    ip_whitelist: ['192.0.2.0/24'],
    token_expires_at: null,
  };
  const { allowList } = cache.set('MA1', 'T'.repeat(40), caller, cache.epoch);
  const n = 200_000;
  const started = performance.now();
  for (let i = 0; i < n; i++) if (!cache.get('MA1', 'T'.repeat(40)) || !allowList.allows('192.0.2.7')) throw new Error('miss');
  return { per_request_us: Number((((performance.now() - started) * 1000) / n).toFixed(2)) };
}

const a = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const stack = startStack(env, { output: 'silent' });
let b;
let uncached;
try {
  await waitUntilReady(a);
  b = await startGateway(env, 18281, { GATEWAY_TRUSTED_PROXIES: '127.0.0.1' });
  uncached = await startGateway(env, 18282, { GATEWAY_AUTH_CACHE_MS: '0' });
  const accounts = [];
  for (let i = 0; i < ACCOUNTS; i++) accounts.push(await openAccount(a));
  // Warm gateway A's cache (and check every credential works).
  for (const account of accounts) if ((await status(a, account)) !== 200) throw new Error('a fresh account was refused');
  record('GET /healthz (no auth, no NATS)', await load(a, [], () => '/healthz'));
  record(
    'GET /v1/Account/{other}/ (BasicAuth from the cache, refused by the path check: the guard alone)',
    await load(a, accounts, () => '/v1/Account/MAOTHEROTHEROTHER000/'),
  );
  record('GET /v1/Account/{id}/ (BasicAuth from the cache + identity account.get)', await load(a, accounts, (x) => `/v1/Account/${x.authId}/`));
  record('GET /v1/Account/{id}/ (cache off: identity authenticates every request)', await load(uncached.url, accounts, (x) => `/v1/Account/${x.authId}/`));
  record('cache-hit check in process (HMAC compare + whitelist match)', await cacheHitCost());
  record('token rotation through gateway A reaching gateway B', await rotationReach(a, b.url, await openAccount(a)));
} finally {
  await uncached?.stop();
  await b?.stop();
  await stack.stop();
}

if (process.argv.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (r) => `| ${r.name} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} | ${r.errors} |`;
  const [health, guardOnly, cached, perCall, hit, reach] = results;
  const section = [
    `## Identity (issue 3) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; every Signet service, Postgres, Redis, NATS, three gateway processes and the load generator on this one machine (NODE_ENV=production).`,
    `Command: \`node bench/identity.mjs --seconds ${seconds} --connections ${connections} --rotations ${rotations} --write\` (autocannon, ${connections} connections, ${seconds} s per run).`,
    '',
    '| run | req/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---|---|---|---|',
    row(health),
    row(guardOnly),
    row(cached),
    row(perCall),
    '',
    `Load spread over ${ACCOUNTS} accounts. The guard alone (second row: a known credential, refused by the path check, no service called; an error response, so an upper bound) against /healthz is what BasicAuth costs over an unauthenticated route at the gateway; in process, a cache hit (HMAC compare and whitelist match) takes ${hit.per_request_us} µs. The account GET adds the route's own NATS round trip to identity and its query; with the cache off each request also waits for identity to authenticate it (a second round trip, an HMAC and a query).`,
    '',
    `Token rotation (\`expire_old=immediately\`) through gateway A, old token polled on gateway B (its cache TTL 30 s, so only identity's notice can drop it), ${reach.rotations} rotations: the first poll of B after A's reply was already refused in ${reach.first_poll_refused} of ${reach.rotations} (identity flushes the notice to NATS before it replies); refused on B ${reach.refused_after_reply_p50_ms} ms after A's reply at the median, one poll's round trip included (max ${reach.refused_after_reply_max_ms} ms); ${reach.refused_after_request_p50_ms} ms after the rotation request was sent (max ${reach.refused_after_request_max_ms} ms). Requirement: under 1 s.`,
    '',
  ].join('\n');
  const file = `${root}/bench/RESULTS.md`;
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('## Identity (issue 3)');
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${end < 0 ? '' : current.slice(end + 1)}`;
  writeFileSync(file, next);
}
process.exit(0);
