// What metrics cost each process outside the request path, measured directly (the side-by-side create load is
// bench/trees.mjs): with the stack idle, every process's CPU over `--seconds` left alone, then over `--seconds` with its
// /metrics scraped `--rate` times a second. The difference per scrape, at Prometheus' 15 s interval, is set against
// what the same process spends under a create load. Prints JSON lines; `--write` appends RESULTS.md.
//   SIGNET_NAMESPACE=bench-ops node bench/operability.mjs [--seconds 10] [--rate 10] [--connections 50] [--write]
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { arg, prepareBench, root, stackCpu } from './bench-env.mjs';
import { createLoad } from './load.mjs';

const seconds = Number(arg('seconds', 10));
const rate = Number(arg('rate', 10));
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
const ports = healthPorts(env);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stack = startStack(env, { output: 'silent' });
const rows = [];
let load;
try {
  await waitUntilReady(url, 120_000);
  await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, 3, connections); // warm-up
  await sleep(5000); // let the warm-up's deliveries and callbacks finish
  const read = () => stackCpu(stack);
  const idleStart = read();
  await sleep(seconds * 1000);
  const idleEnd = read();
  let scrapes = 0;
  const scraping = setInterval(() => {
    for (const port of Object.values(ports)) void fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text().then(() => scrapes++));
  }, 1000 / rate);
  await sleep(seconds * 1000);
  clearInterval(scraping);
  await sleep(500);
  const scrapedEnd = read();
  const perProcess = scrapes / Object.keys(ports).length;
  const loadStart = read();
  load = await createLoad(url, env.SIGNET_BOOTSTRAP_AUTH_ID, env.SIGNET_BOOTSTRAP_AUTH_TOKEN, seconds, connections);
  const loadEnd = read();
  for (const { name } of stack.children) {
    const idle = (idleEnd[name] - idleStart[name]) / seconds; // CPU s per s
    const scraped = (scrapedEnd[name] - idleEnd[name]) / seconds;
    const perScrapeMs = ((scraped - idle) * seconds * 1000) / perProcess;
    const underLoad = (loadEnd[name] - loadStart[name]) / seconds;
    // Scraped every 15 s: perScrapeMs / 15 ms of CPU per second, against what the process uses per second under load.
    const share = underLoad > 0 ? (perScrapeMs / 15 / (underLoad * 1000)) * 100 : 0;
    rows.push({
      name,
      idle_ms_per_s: +(idle * 1000).toFixed(2),
      ms_per_scrape: +perScrapeMs.toFixed(2),
      load_ms_per_s: +(underLoad * 1000).toFixed(1),
      share_at_15s: +share.toFixed(3),
    });
  }
  console.log(JSON.stringify({ scrapes, load, rows }));
} finally {
  await stack.stop();
}

if (process.argv.includes('--write')) {
  const idleTotal = rows.reduce((s, r) => s + r.idle_ms_per_s, 0);
  const loadTotal = rows.reduce((s, r) => s + r.load_ms_per_s, 0);
  const scrapeTotal = rows.reduce((s, r) => s + r.ms_per_scrape, 0) / 15;
  appendFileSync(
    `${root}/bench/RESULTS.md`,
    `
## Metrics outside the request path: idle CPU and the cost of a scrape (issue 14) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}; the whole stack on this one machine, nothing else running.
Command: \`SIGNET_NAMESPACE=${ns} node bench/operability.mjs --seconds ${seconds} --rate ${rate} --connections ${connections} --write\`: each process's CPU (from /proc) over ${seconds} s idle, over ${seconds} s with every process's /metrics scraped ${rate} times a second, then over ${seconds} s of create load (${load.rps} creates/s).

| process | idle CPU ms/s | CPU ms per scrape | CPU ms/s under load | a scrape every 15 s, share of its load CPU |
|---|---|---|---|---|
${rows.map((r) => `| ${r.name} | ${r.idle_ms_per_s} | ${r.ms_per_scrape} | ${r.load_ms_per_s} | ${r.share_at_15s} % |`).join('\n')}

All ten processes: ${idleTotal.toFixed(1)} ms/s of CPU idle (timers, pollers, the event-loop monitor), ${scrapeTotal.toFixed(2)} ms/s for scrapes every 15 s, against ${loadTotal.toFixed(0)} ms/s under load: scraping is **${((scrapeTotal / loadTotal) * 100).toFixed(2)} %** of the stack's CPU at this create rate.
`,
  );
}
process.exit(0);
