import { Inject, Injectable } from '@nestjs/common';
import { SAML } from '@node-saml/node-saml';
import { type ConsoleTokens, type ConsoleUser, IdentityErrors, type SsoConnectionView } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config.js';
import { accountClosed, accountSuspended } from '../console-errors.js';
import { ConsoleUsersRepository } from '../console-users.repository.js';
import { LoginService } from '../login.service.js';
import { secretDigest } from '../secrets.js';
import { fetchMetadata, parseIdpMetadata } from './saml-metadata.js';
import { type SsoRow, SsoRepository } from './sso.repository.js';

const notFound = () => new DomainError(IdentityErrors.SSO_NOT_FOUND, 'no SSO connection for this email domain: log in with your password');
const refused = (why: string) => new DomainError(IdentityErrors.LOGIN_FAILED, `SSO login refused: ${why}`);
export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * SAML single sign-on per email domain (@node-saml/node-saml as the service provider). Users of the domain then
 * log in only through their identity provider (which does their second factor); invited users of other domains keep
 * their passwords; deleting the connection returns everyone to passwords.
 */
@Injectable()
export class SsoService {
  constructor(
    private readonly sso: SsoRepository,
    private readonly users: ConsoleUsersRepository,
    private readonly login: LoginService,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** The connection is for the caller's own email domain. */
  async set(caller: ConsoleUser, body: { metadata_xml?: string; metadata_url?: string }): Promise<SsoConnectionView> {
    const xml = body.metadata_xml ?? (await fetchMetadata(body.metadata_url!));
    const meta = parseIdpMetadata(xml);
    const domain = domainOf(caller.email);
    const ok = await this.sso.upsert({
      auth_id: caller.auth_id,
      domain,
      entry_point: meta.entryPoint,
      idp_issuer: meta.entityId,
      idp_cert: meta.certs.join('\n'),
    });
    if (!ok) throw new DomainError(IdentityErrors.SSO_DOMAIN_TAKEN, `another account already signs ${domain} in with SSO`);
    return this.get(caller);
  }

  async get(caller: ConsoleUser): Promise<SsoConnectionView> {
    const row = await this.sso.byAccount(caller.auth_id);
    if (!row) throw new DomainError(IdentityErrors.SSO_NOT_FOUND, 'this account has no SSO connection');
    return {
      domain: row.domain,
      entry_point: row.entry_point,
      idp_issuer: row.idp_issuer,
      acs_url: this.config.SIGNET_CONSOLE_SAML_ACS_URL,
      sp_entity_id: this.config.SIGNET_CONSOLE_SAML_ENTITY_ID,
      created_at: row.created_at,
    };
  }

  async remove(caller: ConsoleUser): Promise<void> {
    if (!(await this.sso.remove(caller.auth_id))) throw new DomainError(IdentityErrors.SSO_NOT_FOUND, 'this account has no SSO connection');
  }

  /** Where to send the browser: the IdP's SSO URL with a signed-off AuthnRequest (HTTP-Redirect). */
  async start(email: string): Promise<{ redirect_url: string }> {
    const row = await this.sso.byDomain(domainOf(email));
    if (!row) throw notFound();
    return { redirect_url: await this.saml(row).getAuthorizeUrlAsync(row.domain, undefined, {}) };
  }

  /** The IdP's signed response (HTTP-POST): a known user of the connection's account gets console tokens. */
  async acs(body: { SAMLResponse: string; RelayState?: string }): Promise<ConsoleTokens> {
    const row = body.RelayState ? await this.sso.byDomain(body.RelayState) : undefined;
    if (!row) throw refused('unknown connection (RelayState)');
    let profile;
    try {
      ({ profile } = await this.saml(row).validatePostResponseAsync({ SAMLResponse: body.SAMLResponse }));
    } catch (err) {
      throw refused((err as Error).message);
    }
    if (!profile) throw refused('no assertion');
    const email = String(profile.email ?? profile.mail ?? profile.nameID ?? '').toLowerCase();
    if (domainOf(email) !== row.domain) throw refused(`${email} is not in ${row.domain}`);
    const user = await this.users.byEmail(email);
    if (!user || user.auth_id !== row.auth_id) throw refused(`${email} is not a member of this account: ask an administrator for an invitation`);
    if (user.account_status === 'closed') throw accountClosed();
    if (user.account_status === 'suspended') throw accountSuspended();
    const assertionId = /\bID="([^"]+)"/.exec(profile.getAssertionXml?.() ?? '')?.[1] ?? body.SAMLResponse;
    if (!(await this.sso.useAssertion(secretDigest(this.ring, `saml:${assertionId}`), new Date(Date.now() + 24 * 3600_000))))
      throw refused('this SAML response was already used');
    if (!user.email_verified_at) await this.users.markEmailVerified(user.id);
    return this.login.issueFor(user.id);
  }

  private saml(row: SsoRow): SAML {
    return new SAML({
      entryPoint: row.entry_point,
      issuer: this.config.SIGNET_CONSOLE_SAML_ENTITY_ID,
      callbackUrl: this.config.SIGNET_CONSOLE_SAML_ACS_URL,
      idpCert: row.idp_cert.split(/\n(?=-----BEGIN)/),
      idpIssuer: row.idp_issuer ?? undefined,
      audience: this.config.SIGNET_CONSOLE_SAML_ENTITY_ID,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      acceptedClockSkewMs: 5000,
    });
  }
}
