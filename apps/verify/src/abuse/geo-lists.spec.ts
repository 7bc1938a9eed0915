import { DEFAULT_ALLOWED, effectiveLists, normalizeList } from './geo-lists.js';
import { HIGH_RISK_COUNTRIES } from './high-risk-countries.js';

describe('geo lists', () => {
  it('starts a new account with every country except the shipped high-risk list', () => {
    const lists = effectiveLists(undefined, undefined, false);
    expect(lists.sms).toEqual(DEFAULT_ALLOWED);
    expect(lists.sms).toEqual(expect.arrayContaining(['US', 'IN', 'GB', 'DE', 'BR']));
    for (const { iso2 } of HIGH_RISK_COUNTRIES) expect(lists.voice).not.toContain(iso2);
    expect(DEFAULT_ALLOWED.length).toBeGreaterThan(200);
  });

  it("narrows a subaccount's lists to what its main account allows, channel by channel", () => {
    const main = { sms: ['GB', 'IN', 'US'], voice: null };
    expect(effectiveLists({ sms: ['IN', 'FR'], voice: ['US'] }, main, true)).toEqual({ sms: ['IN'], voice: ['US'] });
    // A subaccount that never set a list inherits its main account's.
    expect(effectiveLists(undefined, main, true)).toEqual({ sms: ['GB', 'IN', 'US'], voice: DEFAULT_ALLOWED });
    // A main account's own lists are not narrowed by anything.
    expect(effectiveLists(main, main, false).sms).toEqual(['GB', 'IN', 'US']);
  });

  it('upper-cases and de-duplicates a list and names the first unknown code', () => {
    expect(normalizeList(['us', 'IN', 'us'])).toEqual({ list: ['IN', 'US'], unknown: undefined });
    expect(normalizeList(['US', 'XX', 'ZZ']).unknown).toBe('XX');
  });
});
