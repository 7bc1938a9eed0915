import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { billingConfigSchema } from '../apps/billing-alerts/src/config/billing.config.js';
import { callbacksConfigSchema } from '../apps/callback-dispatcher/src/config/callbacks.config.js';
import { gatewayConfigSchema } from '../apps/gateway/src/config/gateway.config.js';
import { identityConfigSchema } from '../apps/identity/src/config/identity.config.js';
import { sipAuthConfigSchema } from '../apps/sip-auth/src/config/sip-auth.config.js';
import { verifyConfigSchema } from '../apps/verify/src/config/verify.config.js';

// Every environment variable the running code reads is in README's Configuration table, and every variable the
// table names is read: the configuration schemas' keys, direct `env.X` reads, and the per-service database URLs.
const root = resolve(import.meta.dirname, '..');
const schemas = [billingConfigSchema, callbacksConfigSchema, gatewayConfigSchema, identityConfigSchema, sipAuthConfigSchema, verifyConfigSchema];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['test', 'node_modules'].includes(name) || path.endsWith('libs/testing') ? [] : sources(path);
    return /(?<!spec)\.ts$/.test(name) ? [path] : [];
  });

function readByCode(): Set<string> {
  const names = new Set(schemas.flatMap((s) => Object.keys(s.shape)));
  for (const file of [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))]) {
    const text = readFileSync(file, 'utf8');
    for (const [, name] of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)/g)) names.add(name);
    // serviceDatabaseUrl('VERIFY') / postgresDependency('VERIFY') read VERIFY_DATABASE_URL.
    for (const [, prefix] of text.matchAll(/(?:serviceDatabaseUrl|postgresDependency)\('([A-Z]+)'\)/g)) names.add(`${prefix}_DATABASE_URL`);
  }
  return names;
}

function documented(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
  const rows = table.split('\n').filter((l) => l.startsWith('| `'));
  // The variables are the first column's backticked names (`IDENTITY_`/`VERIFY_…_DATABASE_URL` spelled out).
  return new Set(
    rows.flatMap((row) => {
      const first = row.split(' | ')[0];
      const names = [...first.matchAll(/`([A-Z][A-Z0-9_]*)[`=]/g)].map((m) => m[1]);
      return names.map((n) => (n.endsWith('_') ? `${n}DATABASE_URL` : n));
    }),
  );
}

describe('configuration drift', () => {
  const code = readByCode();
  const docs = documented();

  it('every variable the code reads is documented in README "Configuration"', () => {
    expect([...code].filter((n) => !docs.has(n)).sort()).toEqual([]);
  });

  it('every documented variable is read by the code', () => {
    expect([...docs].filter((n) => !code.has(n)).sort()).toEqual([]);
  });

  it('finds the per-service database URLs and a direct read (the scan itself works)', () => {
    expect([...code]).toEqual(
      expect.arrayContaining(['BILLING_DATABASE_URL', 'CALLBACKS_DATABASE_URL', 'SIPAUTH_DATABASE_URL', 'NATS_PASSWORD', 'SIGNET_NAMESPACE']),
    );
    expect([...docs]).toEqual(expect.arrayContaining(['IDENTITY_DATABASE_URL', 'CALLBACKS_DATABASE_URL', 'NODE_ENV']));
  });
});
