import { startTracing } from '@signet/tracing';
import { unsafeProduction, type ProductionRule } from './production-guard.js';

/** A failure at start-up whose message is the whole story: printed as one line, without a stack trace. */
export class StartupError extends Error {}

/** A dependency a process cannot start without: the variable it is configured by, its URL, and how to reach it. */
export interface Dependency {
  variable: string;
  url: string;
  probe(url: string): Promise<unknown>;
}

const PROBE_MS = 5000;

/** The URL without its password, fit for a log line. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** Reaches every dependency at once; the first that does not answer throws a StartupError naming its variable. */
export async function requireDependencies(deps: Dependency[]): Promise<void> {
  await Promise.all(deps.map(reach));
}

async function reach(dep: Dependency): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dep.probe(dep.url),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS / 1000} s`)), PROBE_MS))),
    ]);
  } catch (err) {
    const reason = ((err as Error).message || (err as { code?: string }).code || String(err)).split('\n')[0];
    throw new StartupError(`cannot reach ${dep.variable} (${redactUrl(dep.url)}): ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

export interface BootPlan {
  /** The production rules this process must pass (see production-guard.ts). */
  rules: readonly ProductionRule[];
  /** What it needs reachable before it starts; checked at once. */
  needs: () => Dependency[];
  start: () => Promise<unknown>;
}

/**
 * Starts a process: its configuration (the loaders inside `needs` parse it), the production rules, tracing (when
 * configured), its dependencies, then `start`. Anything that fails before it is running ends the process with exit code 1 and
 * one line on stderr naming `app` and the cause, never a stack trace.
 */
export async function boot(app: string, plan: BootPlan): Promise<void> {
  try {
    const unsafe = unsafeProduction(plan.rules);
    if (unsafe) throw new StartupError(unsafe);
    await startTracing(app);
    await requireDependencies(plan.needs());
    await plan.start();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    process.stderr.write(message.startsWith(`${app}: `) ? `${message}\n` : `${app}: ${message}\n`);
    process.exit(1);
  }
}
