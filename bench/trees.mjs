// What a change costs on session create: the same create load against the stack built from several git trees (and
// environments), alternating tree by tree for `--rounds` rounds in one sitting, each run on a freshly migrated
// database (that tree's own migrations), then the shared baseline (../shared/bench-baseline). A tree is
// `label=ref` with optional `,VAR=value` settings; `ref` `.` is the working tree as built; the value `sink` for
// OTEL_EXPORTER_OTLP_ENDPOINT is a local OTLP/HTTP endpoint the script runs (it takes the spans and drops them).
// `--scrape` adds every process's /metrics scraped every `--scrape-ms` during each Signet run. Besides req/s and
// latency, each run records the CPU time the stack's Node processes spent per create (from /proc; Postgres, Redis and
// NATS not counted): steadier than req/s on a machine whose speed drifts. Prints JSON lines; `--write` appends RESULTS.md.
//   SIGNET_NAMESPACE=bench-trees node bench/trees.mjs --tree 'before=137735b' --tree 'after=d96ef61' \
//     [--rounds 3] [--seconds 15] [--connections 10] [--scrape --scrape-ms 15000] [--no-baseline] [--title '…'] [--write]
import { execFileSync, execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { arg, prepareBench, recorder, root, stackCpu } from './bench-env.mjs';
import { runBaseline } from './baseline.mjs';
import { createLoad } from './load.mjs';

const all = (name) => process.argv.flatMap((a, i) => (a === `--${name}` ? [process.argv[i + 1]] : []));
const rounds = Number(arg('rounds', 3));
const seconds = Number(arg('seconds', 15));
const connections = Number(arg('connections', 10));
const scrapeMs = Number(arg('scrape-ms', 15000));
const scrape = process.argv.includes('--scrape');
const title = arg('title', 'Session create across trees');
const specs = all('tree');
if (specs.length === 0) throw new Error("at least one --tree 'label=ref[,VAR=value…]'");

const env = await prepareBench();
const { ensureDatabase } = await import('../tools/database.mjs');
const { resetNamespace } = await import('../tools/reset-namespace.mjs');

/** Exports `ref` from git beside this tree (never a checkout), shares its node_modules, builds it once. */
function treeDir(ref) {
  if (ref === '.') return root;
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = `${os.tmpdir()}/signet-bench-tree-${commit}`;
  if (!existsSync(`${dir}/dist`)) {
    mkdirSync(dir, { recursive: true });
    execSync(`git -C ${root} archive ${commit} | tar -x -C ${dir}`);
    if (!existsSync(`${dir}/node_modules`)) symlinkSync(`${root}/node_modules`, `${dir}/node_modules`);
    execFileSync(process.execPath, [`${dir}/tools/build.mjs`], { stdio: 'inherit' });
  }
  return dir;
}

const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const trees = specs.map((spec) => {
  const [label, rest] = spec.split(/=(.*)/s);
  const [ref, ...settings] = rest.split(',');
  const extra = Object.fromEntries(settings.map((s) => s.split(/=(.*)/s)));
  const dir = treeDir(ref);
  return { label, ref: ref === '.' ? `${head} + working tree` : ref, dir, extra };
});

// The OTLP endpoint a tree with `OTEL_EXPORTER_OTLP_ENDPOINT=sink` exports to: answers every export, keeps a count.
const sink = { exports: 0, bytes: 0 };
if (trees.some((t) => t.extra.OTEL_EXPORTER_OTLP_ENDPOINT === 'sink')) {
  const server = createServer((req, res) => {
    req.on('data', (c) => (sink.bytes += c.length));
    req.on('end', () => (sink.exports++, res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  for (const t of trees) if (t.extra.OTEL_EXPORTER_OTLP_ENDPOINT === 'sink') t.extra.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${server.address().port}`;
}

const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const { results, record } = recorder();
const scrapes = { count: 0, failed: 0 };
for (let round = 1; round <= rounds; round++) {
  for (const tree of trees) {
    await ensureDatabase(env.DATABASE_URL, { recreate: true });
    await resetNamespace({ NATS_URL: 'nats://127.0.0.1:4222', REDIS_URL: 'redis://127.0.0.1:6379', ...env });
    const stack = await import(`${tree.dir}/tools/stack.mjs`);
    Object.assign(process.env, env);
    await (await import(`${tree.dir}/tools/migrate.mjs`)).migrateAll(() => undefined);
    const running = stack.startStack({ ...env, ...tree.extra }, { output: 'silent' });
    let scraping;
    try {
      await stack.waitUntilReady(url, 120_000);
      await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, 3, connections); // warm-up
      if (scrape && stack.healthPorts) {
        const ports = Object.values(stack.healthPorts(env));
        const scrapeAll = () => {
          for (const port of ports)
            fetch(`http://127.0.0.1:${port}/metrics`).then(
              (r) => (r.ok ? scrapes.count++ : scrapes.failed++),
              () => scrapes.failed++,
            );
        };
        // Once as the run starts, then every interval: a run shorter than the interval is scraped too.
        setTimeout(scrapeAll, 100);
        scraping = setInterval(scrapeAll, scrapeMs);
      }
      const cpuBefore = stackCpu(running);
      const r = await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, connections);
      const cpuAfter = stackCpu(running);
      const perCreate = (cpu) => (r.requests ? Number(((cpu * 1000) / r.requests).toFixed(3)) : null);
      const byProcess = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, perCreate(cpuAfter[name] - cpuBefore[name])]));
      const total = Object.keys(cpuAfter).reduce((sum, name) => sum + cpuAfter[name] - cpuBefore[name], 0);
      record(`${tree.label}, round ${round}`, { ...r, node_cpu_ms_per_create: perCreate(total), cpu_ms_per_create_by_process: byProcess });
    } finally {
      clearInterval(scraping);
      await running.stop();
    }
  }
}
if (scrape) console.log(JSON.stringify({ scrapes }));
if (sink.exports) console.log(JSON.stringify({ otlp_sink: sink }));
if (!process.argv.includes('--no-baseline'))
  await runBaseline(async (baseUrl, authId, token) => record('baseline', await createLoad(baseUrl, authId, token, seconds, connections)));

if (process.argv.includes('--write')) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const of = (label, key) => median(results.filter((r) => r.name.startsWith(`${label}, round`)).map((r) => r[key]));
  const first = trees[0].label;
  const baseline = results.find((r) => r.name === 'baseline');
  const summary = trees.map((t) => {
    const rps = of(t.label, 'rps');
    const cpu = of(t.label, 'node_cpu_ms_per_create');
    const pct = (a, b) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %`;
    const vsFirst =
      t.label === first
        ? ''
        : ` (req/s ${pct(rps, of(first, 'rps'))}, CPU per create ${cpu !== null ? pct(cpu, of(first, 'node_cpu_ms_per_create')) : 'n/a'} against ${first})`;
    const vsBaseline = baseline ? `, ${(rps / baseline.rps).toFixed(2)}× the baseline` : '';
    return `- ${t.label} (${t.ref}${
      Object.keys(t.extra).length
        ? `, ${Object.entries(t.extra)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''
    }): median ${rps} req/s, p99 ${of(t.label, 'p99_ms')} ms, ${cpu} ms Node CPU per create${vsFirst}${vsBaseline}`;
  });
  // Median CPU per create of each process, per tree: where a difference between trees is spent.
  const byProcessTable = () => {
    const names = [...new Set(results.flatMap((r) => Object.keys(r.cpu_ms_per_create_by_process ?? {})))];
    if (names.length === 0) return '';
    const cell = (t, n) => median(results.filter((r) => r.name.startsWith(`${t.label}, round`)).map((r) => r.cpu_ms_per_create_by_process?.[n] ?? 0));
    return `\nNode CPU ms per create by process (medians):\n\n| tree | ${names.join(' | ')} |\n|---|${names.map(() => '---|').join('')}\n${trees
      .map((t) => `| ${t.label} | ${names.map((n) => cell(t, n)).join(' | ')} |`)
      .join('\n')}\n`;
  };
  const load = os.loadavg().map((l) => l.toFixed(1));
  appendFileSync(
    `${root}/bench/RESULTS.md`,
    `
## ${title} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the whole stack, Postgres, Redis, NATS and autocannon on this one machine (NODE_ENV=production, delivery running), nothing else running (load average ${load.join(' / ')} at the end).
Command: \`node bench/trees.mjs ${specs.map((s) => `--tree '${s}'`).join(' ')} --rounds ${rounds} --seconds ${seconds} --connections ${connections}${scrape ? ` --scrape --scrape-ms ${scrapeMs}` : ''} --write\` (runs alternate tree by tree, each on a freshly migrated database; ${connections} connections, ${seconds} s each after a 3 s warm-up${scrape ? `; ${scrapes.count} scrapes of every process's /metrics answered, ${scrapes.failed} failed` : ''}${sink.exports ? `; ${sink.exports} OTLP exports (${Math.round(sink.bytes / 1024)} KiB) taken by the local sink` : ''}).

| run | req/s | p50 ms | p99 ms | Node CPU ms per create | non-2xx | errors |
|---|---|---|---|---|---|---|
${results.map((r) => `| ${r.name} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.node_cpu_ms_per_create ?? ''} | ${r.non2xx} | ${r.errors + r.timeouts} |`).join('\n')}

${summary.join('\n')}
${byProcessTable()}`,
  );
}
process.exit(0);
