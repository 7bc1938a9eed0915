import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Postgres, Redis and NATS of a test's own, on their own ports and in a temporary directory, so a fault test can
 * stop and restart them. The machine's own services are never touched.
 */
export const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1', timeout: 500 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pgBin = (): string => {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  return versions.length ? `/usr/lib/postgresql/${versions.at(-1)}/bin` : '';
};

export class OwnPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'signet-fault-pg-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/signet`;
  }

  /** Postgres refuses to run as root: as root, its tools run as the `postgres` user. */
  private run(tool: string, args: string[]): void {
    const bin = pgBin() ? join(pgBin(), tool) : tool;
    const asRoot = process.getuid?.() === 0;
    execFileSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...args] : args, { stdio: 'ignore' });
  }

  /** Servers an earlier run left behind (pg_ctl daemonizes them: a killed run cannot take them along) would hold the port. */
  private sweepLeftovers(): void {
    for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('signet-fault-pg-'))) {
      const dir = join(tmpdir(), name);
      if (dir === this.dir) continue;
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
        try {
          this.run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
        } catch {
          // not running after all
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }

  init(): void {
    this.sweepLeftovers();
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', this.dir]);
    chmodSync(this.dir, 0o700);
    this.run('initdb', ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-o', opts, '-l', join(this.dir, 'log'), '-w', 'start']);
    await until(`postgres on ${this.port}`, () => listening(this.port));
  }

  stop(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A long-running server binary (redis-server, nats-server) that can be killed and started again with the same arguments. */
export class OwnServer {
  private child?: ChildProcess;
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly command: string,
    private readonly args: string[],
  ) {}

  async start(): Promise<void> {
    this.child = spawn(this.command, this.args, { stdio: 'ignore' });
    await until(`${this.name} on ${this.port}`, () => listening(this.port));
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    await until(`${this.name} gone from ${this.port}`, async () => !(await listening(this.port)));
  }
}

export const ownRedis = (port: number) =>
  new OwnServer('redis', port, 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
  ]);

export function ownNats(port: number): OwnServer {
  const dir = mkdtempSync(join(tmpdir(), 'signet-fault-nats-'));
  return new OwnServer('nats', port, 'nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir]);
}
