import { FRAUD_LEVELS, levelOf, numberRange, skipsFraudCheck } from './fraud-levels.js';

describe('Fraud Shield levels', () => {
  it('groups numbers in blocks of 10 000: the digits less the last four', () => {
    expect(numberRange('14155550100')).toBe('1415555');
    expect(numberRange('14155559999')).toBe(numberRange('14155550000'));
    expect(numberRange('14155560000')).not.toBe(numberRange('14155550000'));
    expect(numberRange('447700900123')).toBe('44770090');
  });

  it('is stricter the higher the level, and an unknown level reads as medium', () => {
    const { high, medium, low } = FRAUD_LEVELS;
    expect(high.burst).toBeLessThan(medium.burst);
    expect(medium.burst).toBeLessThan(low.burst);
    expect(high.minVerifiedRatio).toBeGreaterThan(medium.minVerifiedRatio);
    expect(high.cooldownS).toBeGreaterThan(low.cooldownS);
    expect(levelOf('nonsense')).toBe(medium);
  });

  it('skips the check only for "skip" or false', () => {
    expect([skipsFraudCheck('skip'), skipsFraudCheck('SKIP'), skipsFraudCheck(false), skipsFraudCheck('false')]).toEqual([true, true, true, true]);
    expect([skipsFraudCheck(undefined), skipsFraudCheck(true), skipsFraudCheck('strict')]).toEqual([false, false, false]);
  });
});
