import { Keyring, constantTimeEqual } from './keyring.js';

const ring = new Keyring('11'.repeat(32));

describe('Keyring', () => {
  it('round-trips a sealed value and refuses a tampered one', () => {
    const sealed = ring.encrypt('token', 'secret-value');
    expect(sealed.toString('utf8')).not.toContain('secret-value');
    expect(ring.decrypt('token', sealed)).toBe('secret-value');
    sealed[sealed.length - 1] ^= 1;
    expect(() => ring.decrypt('token', sealed)).toThrow();
  });

  it('keeps purposes apart', () => {
    expect(constantTimeEqual(ring.digest('a', 'x'), ring.digest('a', 'x'))).toBe(true);
    expect(constantTimeEqual(ring.digest('a', 'x'), ring.digest('b', 'x'))).toBe(false);
    expect(() => ring.decrypt('other', ring.encrypt('token', 'v'))).toThrow();
  });

  it('rejects a short secret', () => {
    expect(() => new Keyring('ab')).toThrow(/32 bytes/);
  });
});
