import { createHash } from 'node:crypto';
import { credentialDigests, expectedResponse, responseMatches, storedHa1For } from './digest.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('digest math', () => {
  it('answers RFC 2617 §3.5 (MD5, qop auth)', () => {
    const { ha1 } = credentialDigests('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    const params = {
      method: 'GET',
      uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      algorithm: 'MD5',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    } as const;
    expect(expectedResponse(ha1, params)).toBe('6629fae49393a05397450978507c4ef1');
  });

  describe('RFC 7616 §3.9.1', () => {
    const digests = credentialDigests('Mufasa', 'http-auth@example.org', 'Circle of Life');
    const base = {
      method: 'GET',
      uri: '/dir/index.html',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      qop: 'auth',
      nc: '00000001',
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    } as const;

    it('MD5', () => {
      expect(expectedResponse(storedHa1For('MD5', digests), { ...base, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    });

    it('SHA-256, from the stored SHA-256 HA1', () => {
      const response = '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1';
      expect(expectedResponse(storedHa1For('SHA-256', digests), { ...base, algorithm: 'SHA-256' })).toBe(response);
      expect(responseMatches(digests.ha1_sha256, { ...base, algorithm: 'SHA-256', response: response.toUpperCase() })).toBe(true);
    });
  });

  it('stores HA1, HA1b and the SHA-256 HA1 as Kamailio and RFC 7616 define them', () => {
    expect(credentialDigests('alice', 'app.plivo.com', 'S3cretPassw0rd')).toEqual({
      ha1: md5('alice:app.plivo.com:S3cretPassw0rd'),
      ha1b: md5('alice@app.plivo.com:app.plivo.com:S3cretPassw0rd'),
      ha1_sha256: sha256('alice:app.plivo.com:S3cretPassw0rd'),
    });
  });

  // Written out from the RFCs' formulas, independently of digest.ts.
  it('handles no qop (RFC 2069) and the -sess variants', () => {
    const ha1 = md5('bob:sip.example.com:Passw0rdPassw0rd');
    const ha2 = md5('REGISTER:sip:sip.example.com');
    expect(expectedResponse(ha1, { method: 'REGISTER', uri: 'sip:sip.example.com', nonce: 'n1', algorithm: 'MD5' })).toBe(md5(`${ha1}:n1:${ha2}`));

    const sessHa1 = sha256(`${sha256('bob:sip.example.com:Passw0rdPassw0rd')}:n1:c1`);
    const sessHa2 = sha256('INVITE:sip:100@sip.example.com');
    expect(
      expectedResponse(sha256('bob:sip.example.com:Passw0rdPassw0rd'), {
        method: 'INVITE',
        uri: 'sip:100@sip.example.com',
        nonce: 'n1',
        algorithm: 'SHA-256-sess',
        qop: 'auth',
        nc: '0000000a',
        cnonce: 'c1',
      }),
    ).toBe(sha256(`${sessHa1}:n1:0000000a:c1:auth:${sessHa2}`));
  });

  it('refuses a wrong or truncated response', () => {
    const { ha1 } = credentialDigests('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    const params = {
      method: 'GET',
      uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      algorithm: 'MD5',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    } as const;
    expect(responseMatches(ha1, { ...params, response: '6629fae49393a05397450978507c4ef1' })).toBe(true);
    expect(responseMatches(ha1, { ...params, response: '6629fae49393a05397450978507c4ef2' })).toBe(false);
    expect(responseMatches(ha1, { ...params, response: '6629fae49393a053' })).toBe(false);
    expect(responseMatches(ha1, { ...params, nc: '00000002', response: '6629fae49393a05397450978507c4ef1' })).toBe(false);
  });
});
