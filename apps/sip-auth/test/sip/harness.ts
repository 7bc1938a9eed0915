// Real-SIP-stack harness for sip-auth integration tests: a private Kamailio 5.6 reading the
// Kamailio-compatible views in Postgres, and sipp scenarios run against it. See README.md here.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { constants as fsConstants, rmSync } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIP_HARNESS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const SIP_HOST = '127.0.0.1';
/** Plivo's default realm; sipp's From domain, the challenge realm and subscriber.domain must agree. */
export const DEFAULT_SIP_REALM = 'app.plivo.com';

export const SIP_SCENARIOS = ['register', 'register-refused', 'invite', 'invite-refused', 'invite-forbidden'] as const;
export type SipScenario = (typeof SIP_SCENARIOS)[number];

export interface StartKamailioOptions {
  /** postgres://user[:password]@host[:port]/database[?libpq_keyword=value...] */
  dbUrl: string;
  /** UDP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Schema(s) Kamailio resolves `subscriber`, `address`, `version` in (libpq `options=-c search_path=`). */
  searchPath?: string;
  children?: number;
  /** Kamailio log level: 1 notice, 2 info (default), 3 debug. */
  debug?: number;
  startTimeoutMs?: number;
}

export interface KamailioInstance {
  host: string;
  port: number;
  pid: number;
  /** Everything Kamailio wrote to stdout/stderr so far (last 256 KiB). */
  logs(): string;
  /** Re-read the `address` view: permissions caches it, so run this after changing IP ACLs. */
  reloadAddresses(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunSippOptions {
  /** One of SIP_SCENARIOS, or a path to a scenario file. */
  scenario: SipScenario | string;
  /** Kamailio's UDP port on 127.0.0.1. */
  port: number;
  user: string;
  password: string;
  /** From/To domain; Kamailio challenges with realm = From domain. Default DEFAULT_SIP_REALM. */
  domain?: string;
  /** X-Signet-App-Group for the invite scenarios; 0 (default) skips the IP ACL check. */
  group?: number;
  callee?: string;
  localPort?: number;
  timeoutMs?: number;
  /** Extra sipp arguments, appended last. */
  extra?: string[];
}

export interface SippResult {
  /** sipp's exit code: 0 = scenario completed as written; null when killed by the harness. */
  code: number | null;
  stdout: string;
  stderr: string;
}

const LOG_LIMIT = 256 * 1024;
const STOP_GRACE_MS = 5_000;
const live = new Set<ChildProcess>();
const liveRunDirs = new Set<string>();

// A test that forgets stop(), or a run cut short by Ctrl-C, must not leave Kamailio running (it is
// detached into its own process group so stop() can reach its workers) or temp dirs behind.
function cleanupSync(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  for (const dir of liveRunDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanupSync();
    // keep the default "terminate" behaviour unless the host installed its own handler
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

export function ha1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');
}

export async function pickFreeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, SIP_HOST, () => resolve());
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export async function sipStackAvailable(): Promise<boolean> {
  const found = await Promise.all(['kamailio', 'sipp', 'kamcmd'].map((name) => findBinary(name)));
  return found.every((path) => path !== undefined);
}

export interface KamailioConfigVars {
  port: number;
  /** db_url as Kamailio expects it: postgres://user@host:port/database (no password, no query). */
  kamailioDbUrl: string;
  runDir: string;
  /** libpq keyword=value pairs for db_postgres `con_param`. */
  conParams: Record<string, string>;
  children: number;
  debug: number;
}

export async function renderKamailioConfig(vars: KamailioConfigVars): Promise<string> {
  const template = await readFile(join(SIP_HARNESS_DIR, 'kamailio.cfg.template'), 'utf8');
  const entries = Object.entries(vars.conParams);
  for (const [key, value] of entries) {
    if (!/^[a-z_]+$/.test(key) || /["'\\;\n]/.test(value)) {
      throw new Error(`db_postgres con_param ${key} cannot be expressed in kamailio.cfg`);
    }
  }
  const conParam = entries.map(([key, value]) => `${key}='${value}'`).join(';');
  const values: Record<string, string> = {
    PORT: String(vars.port),
    DB_URL: vars.kamailioDbUrl,
    RUN_DIR: vars.runDir,
    CHILDREN: String(vars.children),
    DEBUG: String(vars.debug),
    DB_POSTGRES_PARAMS: conParam ? `modparam("db_postgres", "con_param", "${conParam}")` : '',
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`kamailio.cfg.template: unknown placeholder ${match}`);
    return value;
  });
}

export async function startKamailio(options: StartKamailioOptions): Promise<KamailioInstance> {
  const kamailio = await requireBinary('kamailio');
  const kamcmd = await requireBinary('kamcmd');
  const db = parseDbUrl(options.dbUrl);
  if (options.searchPath) db.conParams.options = `-c search_path=${options.searchPath}`;
  const port = options.port ?? (await pickFreeUdpPort());
  const runDir = await mkdtemp(join(tmpdir(), 'signet-kamailio-'));
  liveRunDirs.add(runDir);
  const cfgPath = join(runDir, 'kamailio.cfg');
  try {
    const config = await renderKamailioConfig({
      port,
      kamailioDbUrl: db.kamailioDbUrl,
      runDir,
      conParams: db.conParams,
      children: options.children ?? 2,
      debug: options.debug ?? 2,
    });
    await writeFile(cfgPath, config);
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    liveRunDirs.delete(runDir);
    throw error;
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  if (db.password !== undefined) env.PGPASSWORD = db.password;
  const args = ['-f', cfgPath, '-DD', '-E', '-P', join(runDir, 'kamailio.pid'), '-Y', runDir, '-w', runDir];
  const child = spawn(kamailio, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let log = '';
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-LOG_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      append(Buffer.from(`\nspawn error: ${error.message}\n`));
      live.delete(child);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        killGroup(child, 'SIGTERM', false);
        const clean = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
        if (!clean) {
          killGroup(child, 'SIGKILL');
          await exited;
        }
      }
      killGroup(child, 'SIGKILL'); // children left behind by an abnormal main-process exit
      await rm(runDir, { recursive: true, force: true });
      liveRunDirs.delete(runDir);
    })();
    return stopping;
  };

  try {
    await waitUntilAnswering(port, exited, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    const output = log;
    await stop();
    throw new Error(`${(error as Error).message}\n--- kamailio output ---\n${output.slice(-8_000)}`);
  }

  return {
    host: SIP_HOST,
    port,
    pid: child.pid as number,
    logs: () => log,
    stop,
    reloadAddresses: async () => {
      const result = await run(kamcmd, ['-s', `unix:${join(runDir, 'kamailio_ctl')}`, 'permissions.addressReload'], {
        timeoutMs: 5_000,
      });
      if (result.code !== 0 || !/Reload OK/.test(result.stdout)) {
        throw new Error(`permissions.addressReload failed (${result.code}): ${result.stdout}${result.stderr}`);
      }
    },
  };
}

export async function runSipp(options: RunSippOptions): Promise<SippResult> {
  const sipp = await requireBinary('sipp');
  const scenarioPath = (SIP_SCENARIOS as readonly string[]).includes(options.scenario) ? join(SIP_HARNESS_DIR, `${options.scenario}.xml`) : options.scenario;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const localPort = options.localPort ?? (await pickFreeUdpPort());
  const args = [
    `${SIP_HOST}:${options.port}`,
    '-sf',
    scenarioPath,
    '-i',
    SIP_HOST,
    '-p',
    String(localPort),
    '-mi',
    SIP_HOST,
    '-ci',
    SIP_HOST,
    '-m',
    '1',
    '-nostdin',
    '-timeout',
    `${Math.max(1, Math.ceil(timeoutMs / 1000))}s`,
    '-timeout_error',
    '-au',
    options.user,
    '-ap',
    options.password,
    '-key',
    'signet_user',
    options.user,
    '-key',
    'signet_domain',
    options.domain ?? DEFAULT_SIP_REALM,
    '-key',
    'signet_group',
    String(options.group ?? 0),
    '-key',
    'signet_callee',
    options.callee ?? 'signet',
    ...(options.extra ?? []),
  ];
  // sipp writes its trace/log files into the working directory: keep them out of the repo.
  const cwd = await mkdtemp(join(tmpdir(), 'signet-sipp-'));
  try {
    return await run(sipp, args, { cwd, timeoutMs: timeoutMs + 5_000 });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

interface ParsedDbUrl {
  kamailioDbUrl: string;
  password?: string;
  conParams: Record<string, string>;
}

// Kamailio's db_url parser knows no URL escapes and no query string, so the password travels in
// PGPASSWORD (libpq reads it when db_url has none) and query parameters become con_param entries.
function parseDbUrl(dbUrl: string): ParsedDbUrl {
  const url = new URL(dbUrl);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`dbUrl must be postgres://..., got ${url.protocol}`);
  }
  const user = decodeURIComponent(url.username);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  for (const [name, value] of Object.entries({ user, database, host })) {
    if (!value || /[:@/?"\s]/.test(value)) throw new Error(`dbUrl ${name} "${value}" is missing or unusable by Kamailio`);
  }
  const conParams: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    conParams[key] = value;
  });
  return {
    kamailioDbUrl: `postgres://${user}@${host}${url.port ? `:${url.port}` : ''}/${database}`,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    conParams,
  };
}

async function waitUntilAnswering(port: number, exited: Promise<void>, timeoutMs: number): Promise<void> {
  let done = false;
  const gone = exited.then(() => {
    if (!done) throw new Error('kamailio exited during start-up');
  });
  gone.catch(() => undefined); // observed through Promise.race below; never unhandled
  const deadline = Date.now() + timeoutMs;
  const socket = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, SIP_HOST, () => resolve());
    });
    const answered = new Promise<void>((resolve) => {
      socket.on('message', (message) => {
        if (/^SIP\/2\.0 200 /.test(message.toString('utf8'))) resolve();
      });
    });
    while (Date.now() < deadline) {
      sendOptions(socket, port);
      const ok = await Promise.race([answered.then(() => true), gone, delay(200).then(() => false)]);
      if (ok) return;
    }
    throw new Error(`kamailio did not answer OPTIONS on ${SIP_HOST}:${port} within ${timeoutMs} ms`);
  } finally {
    done = true;
    socket.close();
  }
}

function sendOptions(socket: Socket, port: number): void {
  const local = socket.address().port;
  const id = randomBytes(8).toString('hex');
  const message = [
    `OPTIONS sip:${SIP_HOST}:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP ${SIP_HOST}:${local};branch=z9hG4bK${id};rport`,
    'Max-Forwards: 70',
    `From: <sip:probe@${SIP_HOST}>;tag=${id}`,
    `To: <sip:${SIP_HOST}:${port}>`,
    `Call-ID: ${id}@${SIP_HOST}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  socket.send(message, port, SIP_HOST);
}

interface RunOptions {
  cwd?: string;
  timeoutMs: number;
}

function run(command: string, args: string[], options: RunOptions): Promise<SippResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-LOG_LIMIT)));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-LOG_LIMIT)));
    const term = setTimeout(() => {
      stderr += `\n[harness] ${command} exceeded ${options.timeoutMs} ms, sending SIGTERM\n`;
      killGroup(child, 'SIGTERM');
    }, options.timeoutMs);
    const kill = setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs + 2_000);
    kill.unref();
    const finish = (code: number | null): void => {
      clearTimeout(term);
      clearTimeout(kill);
      live.delete(child);
      resolve({ code, stdout, stderr });
    };
    child.once('error', (error) => {
      stderr += `\n[harness] spawn ${command} failed: ${error.message}\n`;
      finish(null);
    });
    child.once('close', (code) => finish(code));
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals, wholeGroup = true): void {
  if (child.pid === undefined) return;
  try {
    process.kill(wholeGroup ? -child.pid : child.pid, signal);
  } catch {
    // already gone
  }
}

async function findBinary(name: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function requireBinary(name: string): Promise<string> {
  const path = await findBinary(name);
  if (!path) throw new Error(`${name} not found; run tools/ensure-sip.sh`);
  return path;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
