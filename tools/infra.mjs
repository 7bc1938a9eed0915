// Makes sure Postgres, Redis and NATS (JetStream) answer on their default local ports, starting (or, as root on
// Debian, installing) local ones where it can. Node built-ins only, so it runs before `npm ci` too.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const reachable = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const s = net.connect({ port, host, timeout: 1000 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });

const sh = (cmd) => {
  try {
    execSync(cmd, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const has = (bin) => sh(`command -v ${bin}`);

const pgVersion = () => (existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined);

// The start commands this kind of machine documents for its local services.
const SERVICES = [
  {
    name: 'PostgreSQL',
    port: 5432,
    bin: 'pg_ctlcluster',
    pkg: 'postgresql',
    start: () => `pg_ctlcluster --skip-systemctl-redirect ${pgVersion()} main start`,
  },
  {
    name: 'Redis',
    port: 6379,
    bin: 'redis-server',
    pkg: 'redis-server',
    start: () =>
      'mkdir -p /var/lib/redis /var/log/redis && redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log --maxmemory-policy noeviction',
  },
  {
    name: 'NATS',
    port: 4222,
    bin: 'nats-server',
    pkg: 'nats-server',
    start: () =>
      'mkdir -p /var/lib/nats-server && start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
  },
];

async function waitFor(port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export async function ensureInfra(log = console.log) {
  let updated = false;
  for (const svc of SERVICES) {
    if (await reachable(svc.port)) continue;
    if (!has(svc.bin) && process.getuid?.() === 0 && has('apt-get')) {
      log(`installing ${svc.pkg}…`);
      if (!updated) updated = sh('apt-get update -qq');
      sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${svc.pkg}`);
    }
    if (has(svc.bin)) {
      log(`starting local ${svc.name}…`);
      sh(svc.start());
    }
    if (!(await waitFor(svc.port, 20))) throw new Error(`${svc.name} is not reachable on 127.0.0.1:${svc.port} and could not be started`);
  }
}
