/** Svix-like: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — eight tries over about 27.6 hours. */
export const DEFAULT_SCHEDULE = '0,5s,5m,30m,2h,5h,10h,10h';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3600_000 };

/** `0,5s,5m` → [0, 5000, 300000]: the delay before each try (the first is normally 0). */
export function parseSchedule(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const delays = parts.map((p) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(p);
    if (!m) throw new Error(`"${p}" is not a delay like 0, 500ms, 5s, 5m or 2h`);
    return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 'ms']);
  });
  if (delays.length === 0 || delays.length > 50) throw new Error('the schedule has 1 to 50 tries');
  return delays;
}

/**
 * The delay before try `nextTry` (0-based) with ±20 % jitter, so receivers coming back are not hit by every
 * retry at once; undefined when the schedule has no such try (the callback has failed).
 */
export function retryDelay(schedule: readonly number[], nextTry: number, random: () => number = Math.random): number | undefined {
  const base = schedule[nextTry];
  if (base === undefined) return undefined;
  return Math.round(base * (0.8 + 0.4 * random()));
}
