// `npm start`: installs what is missing, makes sure Postgres, Redis and NATS are up, builds, migrates, starts every
// service and worker, and prints the gateway URL and the bootstrap credentials.
import { ensureDependencies } from './deps.mjs';
import { ensureInfra } from './infra.mjs';

ensureDependencies();
await ensureInfra();
const { build } = await import('./build.mjs');
const { localEnv } = await import('./env.mjs');
const { ensureDatabase } = await import('./database.mjs');
const { migrateAll } = await import('./migrate.mjs');
const { startStack, waitUntilReady } = await import('./stack.mjs');

build();
const env = localEnv();
Object.assign(process.env, env);
await ensureDatabase(env.DATABASE_URL);
await migrateAll();
const stack = startStack(env);
const url = `http://127.0.0.1:${env.GATEWAY_PORT ?? 8080}`;
const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await waitUntilReady(url);
const id = env.SIGNET_BOOTSTRAP_AUTH_ID;
console.log(`
Signet is up.
  gateway:    ${url}   (API docs: ${url}/docs)
  auth_id:    ${id}
  auth_token: ${env.SIGNET_BOOTSTRAP_AUTH_TOKEN}
  admin:      Bearer ${env.SIGNET_ADMIN_TOKEN}
Try:
  curl -u ${id}:${env.SIGNET_BOOTSTRAP_AUTH_TOKEN} -H 'Content-Type: application/json' \\
    -d '{"recipient":"+14155550100"}' ${url}/v1/Account/${id}/Verify/Session/
  curl -u ${id}:${env.SIGNET_BOOTSTRAP_AUTH_TOKEN} '${url}/dev/outbox?recipient=14155550100'
Ctrl-C stops everything.`);
