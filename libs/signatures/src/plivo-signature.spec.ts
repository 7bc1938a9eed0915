import plivo from 'plivo';
import { plivoSignatureHeaders, signV2, signV3, v3Base } from './plivo-signature.js';

const TOKEN = 'MjAxNjQ5ZTBkZTI0YzQ4MmIxNWY5YTg4NjE3NmE5';
const MAIN = 'ZmFrZW1haW50b2tlbjAxMjM0NTY3ODlhYmNkZWZnaA';
const NONCE = '05429567804466091622';

const fields = {
  AttemptSequence: '1',
  AttemptUUID: '0b6b4e3a-54a4-4bda-9f2e-8e0f5b5f0a11',
  Channel: 'sms',
  ChannelErrorCode: '',
  ChannelStatus: 'delivered',
  Recipient: '+14155550100',
  RequestTime: '2026-12-01 19:00:00.123456+00:00',
  SessionStatus: 'in-progress',
  SessionUUID: '5d1f3a8c-6a3b-4e7f-9d2c-1a2b3c4d5e6f',
};

/** The URL a GET callback is sent to, as the receiver sees it (fields percent-encoded into the query). */
const getUrl = (url: string, f: Record<string, string>): string => `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(f).toString()}`;

describe('Plivo signatures', () => {
  it('matches the documented test vectors', () => {
    expect(signV3(TOKEN, 'POST', 'https://example.com/empty/', {}, NONCE)).toBe('ZoKXhe2vw0wWbwjZDaork7zcD03DkJPcjV1LocAlVyQ=');
    expect(signV2(TOKEN, 'https://example.com/verify/status/?ignored=1', NONCE)).toBe('dyy4TZEgj3I+VhD1/7tJtHLklVtGRxq8P5sHf5nPawg=');
  });

  const urls = [
    'https://example.com/verify/status/',
    // (A repeated key is left out: under jest's VM the SDK's `instanceof Array` misjudges node's querystring arrays.)
    'https://example.com/verify/status/?b=2&a=1',
    'https://Example.COM:8443/cb',
    'http://example.com:80/cb?x=y%20z',
    'https://example.com:443/',
  ];

  it.each(urls)('POST to %s passes the SDK validators (plain and main-account headers)', (url) => {
    const h = plivoSignatureHeaders('POST', url, fields, { token: TOKEN, mainToken: MAIN });
    expect(plivo.validateV3Signature('POST', url, h['X-Plivo-Signature-V3-Nonce'], TOKEN, h['X-Plivo-Signature-V3'], fields)).toBe(true);
    expect(plivo.validateV3Signature('POST', url, h['X-Plivo-Signature-V3-Nonce'], MAIN, h['X-Plivo-Signature-Ma-V3'], fields)).toBe(true);
    expect(plivo.validateSignature(url, h['X-Plivo-Signature-V2-Nonce'], h['X-Plivo-Signature-V2'], TOKEN)).toBe(true);
    expect(plivo.validateSignature(url, h['X-Plivo-Signature-V2-Nonce'], h['X-Plivo-Signature-Ma-V2'], MAIN)).toBe(true);
    // The main account's token does not validate the plain header (a subaccount's session has two distinct tokens).
    expect(plivo.validateV3Signature('POST', url, h['X-Plivo-Signature-V3-Nonce'], MAIN, h['X-Plivo-Signature-V3'], fields)).toBe(false);
  });

  it.each(urls)('GET to %s passes the SDK validators on the URL the receiver sees', (url) => {
    const h = plivoSignatureHeaders('GET', url, fields, { token: TOKEN, mainToken: MAIN });
    const seen = getUrl(url, fields);
    expect(plivo.validateV3Signature('GET', seen, h['X-Plivo-Signature-V3-Nonce'], TOKEN, h['X-Plivo-Signature-V3'])).toBe(true);
    expect(plivo.validateV3Signature('GET', seen, h['X-Plivo-Signature-V3-Nonce'], MAIN, h['X-Plivo-Signature-Ma-V3'])).toBe(true);
    expect(plivo.validateSignature(seen, h['X-Plivo-Signature-V2-Nonce'], h['X-Plivo-Signature-V2'], TOKEN)).toBe(true);
  });

  it('a changed field or URL no longer validates', () => {
    const url = 'https://example.com/cb';
    const h = plivoSignatureHeaders('POST', url, fields, { token: TOKEN, mainToken: TOKEN });
    expect(
      plivo.validateV3Signature('POST', url, h['X-Plivo-Signature-V3-Nonce'], TOKEN, h['X-Plivo-Signature-V3'], { ...fields, ChannelStatus: 'failed' }),
    ).toBe(false);
    expect(plivo.validateSignature('https://example.com/other', h['X-Plivo-Signature-V2-Nonce'], h['X-Plivo-Signature-V2'], TOKEN)).toBe(false);
  });

  it('builds the V3 string as API.md describes', () => {
    expect(v3Base('POST', 'https://e.com/p?b=2&a=1', { Y: '2', X: '1' })).toBe('https://e.com/p?a=1&b=2.X1Y2');
    expect(v3Base('POST', 'https://e.com/p', { X: '1' })).toBe('https://e.com/p?X1');
    expect(v3Base('GET', 'https://e.com/p?b=2', { A: '1' })).toBe('https://e.com/p?A=1&b=2');
    expect(v3Base('GET', 'https://e.com/p', {})).toBe('https://e.com/p');
  });
});
