import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { services } from './services.mjs';

// docker is not available here: docker-compose.yml's shape is checked instead — the whole stack, a healthcheck on
// every long-running service, what each app needs in its environment, and the start order. Also the image's
// Node version and HEALTHCHECK.
const root = resolve(import.meta.dirname, '..');
type Service = {
  image?: string;
  command?: string[];
  restart?: string;
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
};
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const entries = Object.entries(compose.services);
const apps = entries.filter(([, s]) => s.image === 'signet:local');

describe('docker-compose.yml', () => {
  it('runs every app and worker of tools/services.mjs, and the migration', () => {
    const commands = apps.map(([, s]) => s.command?.[0]);
    const wanted = [...services.flatMap((s) => [s.main, s.worker].filter(Boolean).map((f) => `dist/${f}`)), 'tools/migrate.mjs'];
    expect(commands.sort()).toEqual(wanted.sort());
  });

  it('gives every long-running service a healthcheck (the one-shot migration excepted)', () => {
    const missing = entries.filter(([, s]) => s.restart !== 'no' && !(s.healthcheck?.test && !s.healthcheck.disable)).map(([n]) => n);
    expect(missing).toEqual([]);
    expect(compose.services['identity'].healthcheck?.test).toEqual(['CMD', 'node', 'tools/healthcheck.mjs']);
    expect(existsSync(join(root, 'tools/healthcheck.mjs'))).toBe(true);
  });

  it('gives each app what its configuration needs, and starts apps after the migration and healthy dependencies', () => {
    const problems = apps.flatMap(([name, s]) => {
      const env = s.environment ?? {};
      const needs = ['NODE_ENV', 'DATABASE_URL', 'NATS_URL', 'REDIS_URL'];
      if (/^(identity|verify)/.test(name)) needs.push('SIGNET_SECRET_KEY');
      if (name === 'gateway') needs.push('SIGNET_ADMIN_TOKEN', 'GATEWAY_PORT');
      const missing = needs.filter((k) => !env[k]).map((k) => `${name}: no ${k}`);
      const deps = s.depends_on ?? {};
      const order = name === 'migrate' ? ['postgres'] : ['migrate', 'postgres', 'redis', 'nats'];
      const unordered = order.filter((d) => !deps[d]).map((d) => `${name}: not after ${d}`);
      return [...missing, ...unordered];
    });
    expect(problems).toEqual([]);
    expect(compose.services['gateway'].depends_on?.['migrate'].condition).toBe('service_completed_successfully');
  });
});

describe('image and toolchain', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

  it('builds on Node 22 LTS with a HEALTHCHECK, and package.json admits 22 (and the 20.19+ machines still in use)', () => {
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=22$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*CMD \["node", "tools\/healthcheck\.mjs"\]$/m);
    expect(pkg.engines.node).toBe('>=20.19 <23');
  });
});
