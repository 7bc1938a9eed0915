import { pickNumber, serves, type SelectedNumber } from './number-selection.js';

const n = (number: string, type: SelectedNumber['type'], countries: string[] = [], sms = true, voice = true): SelectedNumber => ({
  number,
  type,
  countries,
  sms,
  voice,
});

describe('number selection', () => {
  it('serves by type: local anywhere, toll-free and short code US only, unless countries are set', () => {
    expect(serves(n('+14155550100', 'local'), 'FR', 'sms')).toBe(true);
    expect(serves(n('+18005550100', 'tollfree'), 'US', 'sms')).toBe(true);
    expect(serves(n('+18005550100', 'tollfree'), 'CA', 'sms')).toBe(false);
    expect(serves(n('+18005550100', 'tollfree', ['US', 'CA']), 'CA', 'sms')).toBe(true);
    expect(serves(n('55555', 'shortcode'), 'GB', 'sms')).toBe(false);
    expect(serves(n('+14155550100', 'local', ['US']), 'FR', 'sms')).toBe(false);
    expect(serves(n('+14155550100', 'local', ['US']), null, 'sms')).toBe(false);
  });

  it('needs the channel', () => {
    expect(serves(n('+14155550100', 'local', [], true, false), 'US', 'voice')).toBe(false);
    expect(serves(n('+14155550100', 'local', [], false, true), 'US', 'sms')).toBe(false);
  });

  it('prefers a number listing the country, else the first that serves', () => {
    const numbers = [n('+14155550100', 'local'), n('+442071838750', 'local', ['GB']), n('+18005550100', 'tollfree')];
    expect(pickNumber(numbers, 'GB', 'sms')?.number).toBe('+442071838750');
    expect(pickNumber(numbers, 'US', 'sms')?.number).toBe('+14155550100');
    expect(pickNumber([n('+18005550100', 'tollfree')], 'FR', 'sms')).toBeUndefined();
  });
});
