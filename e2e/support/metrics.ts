// @ts-expect-error plain ESM helper shared with `npm start`
import { healthPorts } from '../../tools/stack.mjs';
import { env } from './stack.js';

/** Each stack process's health port, by process name (identity, verify-worker, gateway, …). */
export const HEALTH_PORTS = healthPorts(env) as Record<string, number>;

export const healthUrl = (process: string, path: string): string => `http://127.0.0.1:${HEALTH_PORTS[process]}${path}`;

/** One process's /metrics, parsed: `series(name, labels)` sums every sample of `name` whose labels include `labels`. */
export async function scrape(process: string) {
  const res = await fetch(healthUrl(process, '/metrics'));
  if (res.status !== 200) throw new Error(`${process} /metrics answered ${res.status}`);
  const samples = (await res.text())
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1], labels, value: Number(m[3]) };
    });
  const matching = (name: string, labels: Record<string, string>) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return {
    has: (name: string, labels: Record<string, string> = {}) => matching(name, labels).length > 0,
    value: (name: string, labels: Record<string, string> = {}) => matching(name, labels).reduce((sum, s) => sum + s.value, 0),
    labels: (name: string) => matching(name, {}).map((s) => s.labels),
  };
}
