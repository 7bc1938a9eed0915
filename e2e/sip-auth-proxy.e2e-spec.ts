import type { NatsConnection } from '@nats-io/transport-node';
import { CommonErrors } from '@signet/contracts/common';
import { type AddressCheckRequest, type DigestVerifyRequest, SipAuthErrors, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { connectNats, RpcClient } from '@signet/nats';
import { apiClient, type TestAccount } from '@signet/testing';
import { bootStack, baseUrl, env, newAccount } from './support/stack.js';
import { md5, newSipUsername, sha256 } from './support/sip-auth.js';

/** The NATS questions a SIP proxy that cannot read Postgres asks, answered from what the API stored. */
describe('SIP auth queries for proxies over NATS', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let base: string;

  const username = newSipUsername('proxy');
  const PASSWORD = 'Pr0xySecretPass';
  let realm: string;
  let credentialUuid: string;

  beforeAll(async () => {
    stack = await bootStack();
    nc = await connectNats(env.NATS_URL, 'sip-auth-proxy-spec');
    rpc = new RpcClient(nc, 3000);
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    base = `/v1/Account/${account.authId}`;
    const created = await api('POST', `${base}/SipAuth/Credential/`, { username, password: PASSWORD });
    credentialUuid = created.body.credential_uuid as string;
    realm = created.body.realm as string;
  }, 90_000);
  afterAll(async () => {
    await nc?.drain();
    await stack?.stop();
  });

  // What a SIP client sends, computed here from RFC 7616 §3.4.1 independently of the service's code.
  const authorization = (password: string, hash: (s: string) => string, algorithm: string, method = 'REGISTER') => {
    const nonce = 'a3f1c9e2b7d45e60';
    const cnonce = '0a4f113b';
    const count = '00000001';
    const uri = `sip:${realm}`;
    const ha1 = hash(`${username}:${realm}:${password}`);
    const response = hash(`${ha1}:${nonce}:${count}:${cnonce}:auth:${hash(`${method}:${uri}`)}`);
    return { username, realm, method, uri, nonce, cnonce, nc: count, qop: 'auth', algorithm, response };
  };
  const verify = (request: Record<string, unknown>) => rpc.call(SipAuthSubjects.digestVerify, request as DigestVerifyRequest);

  it('says whether a digest response is valid for the credential, with MD5 and SHA-256', async () => {
    expect(await verify(authorization(PASSWORD, md5, 'MD5'))).toEqual({ valid: true, credential_uuid: credentialUuid });
    expect(await verify(authorization(PASSWORD, sha256, 'SHA-256', 'INVITE'))).toEqual({ valid: true, credential_uuid: credentialUuid });
    expect(await verify(authorization('WrongPassw0rdX', md5, 'MD5'))).toEqual({ valid: false, credential_uuid: null });
    expect(await verify({ ...authorization(PASSWORD, md5, 'MD5'), method: 'INVITE' })).toEqual({ valid: false, credential_uuid: null });
    expect(await verify({ ...authorization(PASSWORD, md5, 'MD5'), realm: 'other.example.com' })).toEqual({ valid: false, credential_uuid: null });
    expect(await verify({ ...authorization(PASSWORD, md5, 'MD5'), username: 'nobody-here' })).toEqual({ valid: false, credential_uuid: null });
  });

  it('follows a password change made through the API', async () => {
    const next = 'N3wProxySecret';
    expect((await api('POST', `${base}/SipAuth/Credential/${credentialUuid}/`, { password: next })).status).toBe(202);
    expect((await verify(authorization(PASSWORD, md5, 'MD5'))).valid).toBe(false);
    expect((await verify(authorization(next, md5, 'MD5'))).valid).toBe(true);
  });

  it('refuses a malformed question with a coded error', async () => {
    const { nonce: _nonce, ...noNonce } = authorization(PASSWORD, md5, 'MD5');
    await expect(verify(noNonce)).rejects.toMatchObject({ code: CommonErrors.VALIDATION_FAILED, message: expect.stringMatching(/^nonce:/) });
    await expect(verify({ ...authorization(PASSWORD, md5, 'MD5'), qop: 'auth-int' })).rejects.toMatchObject({ code: CommonErrors.VALIDATION_FAILED });
  });

  it('says whether a source address may call an application, by id or by group', async () => {
    const acl = await api('POST', `${base}/SipAuth/IpAccessControlList/`, {
      name: 'Carrier',
      entries: [
        { ip: '203.0.113.0', cidr_prefix: 24 },
        { ip: '2001:db8::', cidr_prefix: 32 },
      ],
    });
    const guarded = await api('POST', `${base}/Application/`, {
      app_name: 'Guarded',
      answer_url: 'https://example.com/a',
      sip_auth_type: 'ip_acl',
      ip_acl_uuid: acl.body.ip_acl_uuid,
    });
    const open = await api('POST', `${base}/Application/`, { app_name: 'Open', answer_url: 'https://example.com/a' });
    const appId = guarded.body.app_id as string;
    const group = (await api('GET', `${base}/Application/${appId}/`)).body.sip_auth_group as number;
    const check = (request: Record<string, unknown>) => rpc.call(SipAuthSubjects.addressCheck, request as AddressCheckRequest);

    expect(await check({ app_id: appId, source_ip: '203.0.113.77' })).toEqual({ app_id: appId, ip_acl_required: true, allowed: true });
    expect(await check({ sip_auth_group: group, source_ip: '2001:db8:1::5' })).toEqual({ app_id: appId, ip_acl_required: true, allowed: true });
    expect(await check({ app_id: appId, source_ip: '198.51.100.1' })).toEqual({ app_id: appId, ip_acl_required: true, allowed: false });
    expect(await check({ app_id: open.body.app_id, source_ip: '198.51.100.1' })).toEqual({ app_id: open.body.app_id, ip_acl_required: false, allowed: true });
    await expect(check({ app_id: '00000000-0000-4000-8000-000000000000', source_ip: '203.0.113.77' })).rejects.toMatchObject({
      code: SipAuthErrors.APPLICATION_NOT_FOUND,
    });
    await expect(check({ source_ip: '203.0.113.77' })).rejects.toMatchObject({ code: CommonErrors.VALIDATION_FAILED });
  });
});
