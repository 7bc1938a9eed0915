import { assertStrongPassword, HASH_QUEUE_LIMIT, HASHING_AT_ONCE, hashPassword, limitedHashing, passwordMatches } from './passwords.js';
import { normalizePhone } from './phone.js';
import { maskPhone, newRecoveryCode, normalizeRecoveryCode } from './secrets.js';
import { assertWorkEmail } from './work-email.js';

describe('signup rules', () => {
  it('refuses personal and disposable domains, accepts a company one', () => {
    expect(() => assertWorkEmail('me@gmail.com')).toThrow(/work email/);
    expect(() => assertWorkEmail('me@yahoo.com')).toThrow(/work email/);
    expect(() => assertWorkEmail('me@mailinator.com')).toThrow(/disposable/);
    expect(() => assertWorkEmail('ada@acme-signet-test.com')).not.toThrow();
  });

  it('wants 12+ characters, both cases, a digit, a symbol, and a password zxcvbn does not rate weak', () => {
    expect(() => assertStrongPassword('Sh0rt!')).toThrow(/12 characters/);
    expect(() => assertStrongPassword('alllowercase1!x')).toThrow(/upper and lower/);
    expect(() => assertStrongPassword('NoDigitsHere!!x')).toThrow(/digit/);
    expect(() => assertStrongPassword('NoSymbols12345x')).toThrow(/symbol/);
    expect(() => assertStrongPassword('Password123!')).toThrow(/too easy/);
    expect(() => assertStrongPassword('Qwerty123456!')).toThrow(/too easy/);
    expect(() => assertStrongPassword('Correct-Horse-Battery-42')).not.toThrow();
  });

  it('hashes with argon2id and checks in both directions', async () => {
    const stored = await hashPassword('Correct-Horse-Battery-42');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwordMatches(stored, 'Correct-Horse-Battery-42')).toBe(true);
    expect(await passwordMatches(stored, 'Correct-Horse-Battery-43')).toBe(false);
    expect(await passwordMatches(null, 'anything')).toBe(false);
  });

  it('hashes at most every core but one at a time, and refuses at once past the queue limit', async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        most = Math.max(most, ++running);
        release.push(() => {
          running--;
          resolve();
        });
      });
    const queued = Array.from({ length: HASHING_AT_ONCE + HASH_QUEUE_LIMIT }, () => limitedHashing(work));
    await new Promise((r) => setImmediate(r));
    expect(most).toBe(HASHING_AT_ONCE);
    await expect(limitedHashing(work)).rejects.toThrow(/too many logins at once/);
    while (release.length > 0) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(queued);
    expect(most).toBe(HASHING_AT_ONCE);
  });

  it('refuses without hashing a login that waited past its deadline', async () => {
    const release: (() => void)[] = [];
    const blockers = Array.from({ length: HASHING_AT_ONCE }, () => limitedHashing(() => new Promise<void>((r) => release.push(r)), 10_000));
    let hashed = false;
    const late = limitedHashing(async () => {
      hashed = true;
    }, 20);
    await new Promise((r) => setTimeout(r, 50));
    release.forEach((r) => r());
    await Promise.all(blockers);
    await expect(late).rejects.toThrow(/too many logins at once/);
    expect(hashed).toBe(false);
  });

  it('keeps phones in E.164 and masks them; recovery codes read the same however typed', () => {
    expect(normalizePhone('1 (415) 555-0100')).toBe('+14155550100');
    expect(() => normalizePhone('12')).toThrow(/E.164/);
    expect(maskPhone('+14155550100')).toBe('+1••••••0100');
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace('-', '')} `)).toBe(code);
  });
});
