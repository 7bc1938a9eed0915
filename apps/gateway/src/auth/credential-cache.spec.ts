import type { AuthenticatedCaller } from '@signet/contracts/identity';
import { CredentialCache } from './credential-cache.js';

const caller = (authId: string, main = authId, extra: Partial<AuthenticatedCaller> = {}): AuthenticatedCaller => ({
  auth_id: authId,
  main_auth_id: main,
  is_subaccount: authId !== main,
  data_region: 'us',
  status: 'active',
  ip_whitelist: null,
  token_expires_at: null,
  ...extra,
});

describe('CredentialCache', () => {
  it('answers only for the exact token it was given', () => {
    const cache = new CredentialCache(60_000);
    cache.set('MA1', 'token-a', caller('MA1'), cache.epoch);
    expect(cache.get('MA1', 'token-a')?.caller.auth_id).toBe('MA1');
    expect(cache.get('MA1', 'token-b')).toBeUndefined();
    expect(cache.get('MA2', 'token-a')).toBeUndefined();
  });

  it('drops a main account together with its subaccounts, and a subaccount alone', () => {
    const cache = new CredentialCache(60_000);
    cache.set('MA1', 't', caller('MA1'), cache.epoch);
    cache.set('SA1', 't', caller('SA1', 'MA1'), cache.epoch);
    cache.set('SA2', 't', caller('SA2', 'MA1'), cache.epoch);
    cache.set('MA2', 't', caller('MA2'), cache.epoch);
    cache.drop('SA2');
    expect(cache.get('SA2', 't')).toBeUndefined();
    expect(cache.get('SA1', 't')).toBeDefined();
    cache.drop('MA1');
    expect(cache.get('MA1', 't')).toBeUndefined();
    expect(cache.get('SA1', 't')).toBeUndefined();
    expect(cache.get('MA2', 't')).toBeDefined();
  });

  it('does not keep an answer that was asked for before a drop', () => {
    const cache = new CredentialCache(60_000);
    const epoch = cache.epoch;
    cache.drop('MA1');
    cache.set('MA1', 't', caller('MA1'), epoch);
    expect(cache.get('MA1', 't')).toBeUndefined();
  });

  it('does not trust a token in its grace period past its expiry', () => {
    const cache = new CredentialCache(60_000);
    cache.set('MA1', 't', caller('MA1', 'MA1', { token_expires_at: new Date(Date.now() - 1).toISOString() }), cache.epoch);
    expect(cache.get('MA1', 't')).toBeUndefined();
  });

  it('builds the whitelist once and keeps nothing when the TTL is 0', () => {
    const cache = new CredentialCache(0);
    const authenticated = cache.set('MA1', 't', caller('MA1', 'MA1', { ip_whitelist: ['192.0.2.0/24'] }), cache.epoch);
    expect(authenticated.allowList?.allows('192.0.2.1')).toBe(true);
    expect(cache.get('MA1', 't')).toBeUndefined();
  });
});
