import { DEFAULT_SCHEDULE, parseSchedule, retryDelay } from './retry-schedule.js';

describe('retry schedule', () => {
  it('parses the default into eight tries over about a day', () => {
    const s = parseSchedule(DEFAULT_SCHEDULE);
    expect(s).toEqual([0, 5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(s.reduce((a, b) => a + b, 0) / 3600_000).toBeCloseTo(27.6, 1);
  });
  it('refuses what is not a delay', () => {
    expect(() => parseSchedule('0,5 minutes')).toThrow(/not a delay/);
    expect(() => parseSchedule('')).toThrow();
  });
  it('jitters each delay within ±20 % and ends after the last try', () => {
    const s = parseSchedule('0,10s');
    expect(retryDelay(s, 1, () => 0)).toBe(8000);
    expect(retryDelay(s, 1, () => 1)).toBe(12_000);
    expect(retryDelay(s, 0, () => 0.5)).toBe(0);
    expect(retryDelay(s, 2)).toBeUndefined();
  });
});
