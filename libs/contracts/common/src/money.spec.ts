import { formatMoney, moneyInput, parseMoney } from './money.js';

describe('money as micro-units', () => {
  it('parses decimals exactly, without floats', () => {
    expect(parseMoney('0.08')).toBe(80_000n);
    expect(parseMoney('0.1')).toBe(100_000n);
    expect(parseMoney('12345678901.00001')).toBe(12_345_678_901_000_010n);
    expect(parseMoney('-1.5')).toBe(-1_500_000n);
    expect(() => parseMoney('1e3')).toThrow();
    expect(() => parseMoney('0.0000001')).toThrow();
  });

  it("renders Plivo's five places, and two for thresholds", () => {
    expect(formatMoney(80_000n)).toBe('0.08000');
    expect(formatMoney('113000')).toBe('0.11300');
    expect(formatMoney(0n)).toBe('0.00000');
    expect(formatMoney(-6_500n)).toBe('-0.00650');
    expect(formatMoney(250_000_000n, 2)).toBe('250.00');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in micro-units it is exact.
    expect(formatMoney(parseMoney('0.1') + parseMoney('0.2'))).toBe('0.30000');
  });

  it('accepts API amounts with at most five decimals, as strings or numbers', () => {
    expect(moneyInput().parse('10.5')).toBe('10500000');
    expect(moneyInput().parse(1.809)).toBe('1809000');
    expect(moneyInput().safeParse('1.123456').success).toBe(false);
    expect(moneyInput().safeParse('-1').success).toBe(false);
    expect(moneyInput('100').safeParse('100.00001').success).toBe(false);
  });
});
