// What operability costs on session create: this tree (metrics on, every process's /metrics scraped every
// `--scrape-ms`, JSON access log at info; and again with LOG_LEVEL=warn, no access log) beside the same stack built
// from `--base` (default `main`: the code before metrics), alternating runs in the same sitting. Prints JSON lines;
// `--write` appends RESULTS.md.
//   SIGNET_NAMESPACE=bench-ops node bench/operability.mjs [--base main] [--rounds 2] [--seconds 15] [--connections 10] [--scrape-ms 1000] [--write]
import { execFileSync, execSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, recorder, root } from './bench-env.mjs';
import { createLoad } from './load.mjs';

const base = arg('base', 'main');
const rounds = Number(arg('rounds', 2));
const seconds = Number(arg('seconds', 15));
const connections = Number(arg('connections', 10));
const scrapeMs = Number(arg('scrape-ms', 1000));
const ns = process.env.SIGNET_NAMESPACE || 'bench-ops';

const env = await prepareBench({
  SIGNET_NAMESPACE: ns,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/signet_${ns.replaceAll('-', '_')}`,
  REDIS_PREFIX: `signet-${ns}`,
  GATEWAY_PORT: '18290',
  SIGNET_HEALTH_PORT_BASE: '18300',
});

// The base tree: exported from git (never a checkout), sharing this tree's node_modules, built with its own build.
const baseDir = mkdtempSync(`${os.tmpdir()}/signet-bench-base-`);
execSync(`git -C ${root} archive ${base} | tar -x -C ${baseDir}`);
symlinkSync(`${root}/node_modules`, `${baseDir}/node_modules`);
execFileSync(process.execPath, [`${baseDir}/tools/build.mjs`], { stdio: 'inherit' });
const baseCommit = execFileSync('git', ['-C', root, 'rev-parse', '--short', base], { encoding: 'utf8' }).trim();
const headCommit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();

const here = await import('../tools/stack.mjs');
const trees = {
  [`base ${base} (${baseCommit}): no metrics`]: { stack: await import(`${baseDir}/tools/stack.mjs`), scrape: false, env: {} },
  [`this tree (${headCommit}): metrics scraped every ${scrapeMs / 1000} s, access log on`]: { stack: here, scrape: true, env: {} },
  [`this tree (${headCommit}): metrics scraped every ${scrapeMs / 1000} s, LOG_LEVEL=warn`]: { stack: here, scrape: true, env: { LOG_LEVEL: 'warn' } },
};

const url = `http://127.0.0.1:${env.GATEWAY_PORT}`;
const { results, record } = recorder();
const scrapes = { count: 0, failed: 0 };
for (let round = 1; round <= rounds; round++) {
  for (const [label, tree] of Object.entries(trees)) {
    const stack = tree.stack.startStack({ ...env, ...tree.env }, { output: 'silent' });
    let scraping;
    try {
      await tree.stack.waitUntilReady(url, 120_000);
      await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, 3, connections); // warm-up
      if (tree.scrape) {
        const ports = Object.values(tree.stack.healthPorts(env));
        scraping = setInterval(() => {
          for (const port of ports)
            fetch(`http://127.0.0.1:${port}/metrics`).then(
              (r) => (r.ok ? scrapes.count++ : scrapes.failed++),
              () => scrapes.failed++,
            );
        }, scrapeMs);
      }
      record(`${label}, round ${round}`, await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, connections));
    } finally {
      clearInterval(scraping);
      await stack.stop();
    }
  }
}
console.log(JSON.stringify({ scrapes }));

if (process.argv.includes('--write')) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = results.map((r) => `| ${r.name} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.non2xx} | ${r.errors} |`);
  const rate = (prefix) => median(results.filter((r) => r.name.startsWith(prefix)).map((r) => r.rps));
  const [b, h, quiet] = Object.keys(trees).map((k) => rate(k));
  const load = os.loadavg().map((l) => l.toFixed(1));
  appendFileSync(
    `${root}/bench/RESULTS.md`,
    `
## Operability: metrics on session create (issue 14) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the whole stack, Postgres, Redis, NATS and autocannon on this one machine (NODE_ENV=production). **Loaded**: other helpers' test runs shared the machine (load average ${load.join(' / ')} at the end), so only the side-by-side ratio means anything.
Command: \`SIGNET_NAMESPACE=${ns} node bench/operability.mjs --base ${base} --rounds ${rounds} --seconds ${seconds} --connections ${connections} --scrape-ms ${scrapeMs} --write\` (runs alternate base / this tree; ${scrapes.count} scrapes of the 10 processes' /metrics answered during this tree's runs, ${scrapes.failed} failed).

| run | req/s | p50 ms | p99 ms | non-2xx | errors |
|---|---|---|---|---|---|
${rows.join('\n')}

Median create rate: this tree ${h}/s vs base ${b}/s = **${((h / b) * 100).toFixed(1)} %** of the base (cost ${(((b - h) / b) * 100).toFixed(1)} %); with the access log off (LOG_LEVEL=warn: metrics alone, scraped as above) ${quiet}/s = **${((quiet / b) * 100).toFixed(1)} %** (cost ${(((b - quiet) / b) * 100).toFixed(1)} %; target under 5 % for metrics). Tracing is not implemented on this branch, so it has no row.
`,
  );
}
