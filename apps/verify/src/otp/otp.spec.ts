import { Keyring } from '@signet/secrets';
import { newCode, openOtp, otpHash, otpMatches, sealOtp } from './otp.js';

const ring = new Keyring('22'.repeat(32));

describe('otp', () => {
  it('makes codes of the asked length, digits only', () => {
    for (const len of [4, 6, 8]) for (let i = 0; i < 200; i++) expect(newCode(len)).toMatch(new RegExp(`^\\d{${len}}$`));
  });

  it('matches only the right code for the right session', () => {
    const stored = otpHash(ring, 's1', '123456');
    expect(otpMatches(ring, 's1', '123456', stored)).toBe(true);
    expect(otpMatches(ring, 's1', '123457', stored)).toBe(false);
    expect(otpMatches(ring, 's2', '123456', stored)).toBe(false);
  });

  it('seals the code for resends without showing it', () => {
    const sealed = sealOtp(ring, '004211');
    expect(sealed.toString('latin1')).not.toContain('004211');
    expect(openOtp(ring, sealed)).toBe('004211');
  });
});
