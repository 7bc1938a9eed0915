/** A dependency a process needs to do its work (its database, its Redis, its NATS); each answers within the check's time. */
export interface HealthCheck {
  name: string;
  check(): Promise<unknown>;
}

export type CheckResults = Record<string, 'ok' | 'down'>;

async function run(check: HealthCheck): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check.check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)))]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Every check at once, each given a second. */
export async function runChecks(checks: readonly HealthCheck[]): Promise<CheckResults> {
  return Object.fromEntries(await Promise.all(checks.map(async (c) => [c.name, await run(c)] as const)));
}

export const allOk = (results: CheckResults): boolean => Object.values(results).every((s) => s === 'ok');
