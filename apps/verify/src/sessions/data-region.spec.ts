import { assertRecipientInRegion } from './data-region.js';
import { parseRecipient } from './recipient.js';

const caller = (data_region?: 'us' | 'in') => ({ auth_id: 'MA1', main_auth_id: 'MA1', is_subaccount: false, data_region });

describe('assertRecipientInRegion', () => {
  it('lets an India-region account reach Indian numbers only', () => {
    expect(() => assertRecipientInRegion(caller('in'), parseRecipient('+919876543210'))).not.toThrow();
    expect(() => assertRecipientInRegion(caller('in'), parseRecipient('+14155550100'))).toThrow(/India data region.*\+14155550100/);
  });

  it('leaves US-region accounts and callers without a region alone', () => {
    expect(() => assertRecipientInRegion(caller('us'), parseRecipient('+14155550100'))).not.toThrow();
    expect(() => assertRecipientInRegion(caller(), parseRecipient('+447700900123'))).not.toThrow();
  });
});
