import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys derived from the one platform secret, one per purpose, so a digest made for tokens can never be
 * replayed as an OTP hash. AES-256-GCM for what must be shown again (auth tokens, the OTP kept for resends),
 * HMAC-SHA256 for what is only compared (token digests, OTP hashes): cheap and constant-time to check.
 */
export class Keyring {
  private readonly root: Buffer;
  private readonly derived = new Map<string, Buffer>();

  constructor(secretHex: string) {
    this.root = Buffer.from(secretHex, 'hex');
    if (this.root.length !== 32) throw new Error('the platform secret must be 32 bytes');
  }

  key(purpose: string): Buffer {
    let k = this.derived.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.root, Buffer.alloc(0), `signet:${purpose}`, 32));
      this.derived.set(purpose, k);
    }
    return k;
  }

  digest(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.key(purpose)).update(value).digest();
  }

  /** iv(12) | tag(16) | ciphertext */
  encrypt(purpose: string, plaintext: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(purpose), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(purpose: string, sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key(purpose), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
