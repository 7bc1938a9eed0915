// Every deployable of Signet: its HTTP/NATS entry point, its BullMQ worker if it has queues, its migrations.
export const services = [
  { name: 'identity', main: 'apps/identity/src/main.js', worker: 'apps/identity/src/main.worker.js', migrate: 'apps/identity/src/database/migrate.js' },
  { name: 'verify', main: 'apps/verify/src/main.js', worker: 'apps/verify/src/main.worker.js', migrate: 'apps/verify/src/database/migrate.js' },
  { name: 'sip-auth', main: 'apps/sip-auth/src/main.js', migrate: 'apps/sip-auth/src/database/migrate.js' },
  {
    name: 'billing-alerts',
    main: 'apps/billing-alerts/src/main.js',
    worker: 'apps/billing-alerts/src/main.worker.js',
    migrate: 'apps/billing-alerts/src/database/migrate.js',
  },
  {
    name: 'callback-dispatcher',
    main: 'apps/callback-dispatcher/src/main.js',
    worker: 'apps/callback-dispatcher/src/main.worker.js',
    migrate: 'apps/callback-dispatcher/src/database/migrate.js',
  },
  { name: 'gateway', main: 'apps/gateway/src/main.js' },
];
