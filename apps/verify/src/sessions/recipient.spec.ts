import { parseRecipient } from './recipient.js';

describe('parseRecipient', () => {
  it('accepts E.164 with or without + and finds the country', () => {
    expect(parseRecipient('+14155550100')).toEqual({ digits: '14155550100', countryIso2: 'US' });
    expect(parseRecipient('918681951370')).toEqual({ digits: '918681951370', countryIso2: 'IN' });
    expect(parseRecipient('+44 7911 123456').digits).toBe('447911123456');
  });

  it('places a possible number outside known ranges in its main country', () => {
    expect(parseRecipient('+16500999999')).toEqual({ digits: '16500999999', countryIso2: 'US' });
  });

  it.each(['abc', '12', '+1234', '+999123456789', '', '++14155550100', '+14155550100x', '+14155550100;ext=2'])('rejects %p', (raw) => {
    expect(() => parseRecipient(raw)).toThrow(/invalid recipient/);
  });
});
