// The image's HEALTHCHECK (and docker-compose's) for whichever Signet app the container runs: every service and
// worker serves /readyz on its health port (SIGNET_HEALTH_PORT; the image sets 9464), true when its own Postgres,
// Redis and NATS answer (libs/health). The one-shot migration has no health port: compose disables its check.
// Exit 0 or 1.
const port = process.env.SIGNET_HEALTH_PORT ?? '9464';
const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
  (res) => res.ok,
  () => false,
);
process.exit(ready ? 0 : 1);
