import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ClientInfo,
  type ConsoleTokens,
  type ConsoleUser,
  IdentityErrors,
  type LoginRequest,
  type LoginStarted,
  type LoginVerifyRequest,
  type SecondFactor,
} from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { accountClosed, accountSuspended, loginEnded, loginFailed, notActivated, sessionInvalid } from './console-errors.js';
import { type AttemptPurpose, ConsoleSessionsRepository, type LoginRow } from './console-sessions.repository.js';
import { ConsoleUsersRepository, type UserRow } from './console-users.repository.js';
import { EmailsQueue } from './mail/emails.queue.js';
import { newDeviceMail } from './mail/templates.js';
import { passwordMatches } from './passwords.js';
import { PhoneVerifier } from './phone-verifier.js';
import { maskPhone, newSecret, normalizeRecoveryCode, secretDigest } from './secrets.js';
import { ConsoleThrottle } from './throttle.js';
import { SsoRepository } from './sso/sso.repository.js';
import { TotpService } from './totp.service.js';

export const LOGIN_TTL = 600;
export const ACCESS_TTL = 900;
export const REFRESH_TTL = 30 * 24 * 3600;
/** Ten wrong second-factor codes end a login attempt. */
export const WRONG_CODES_LIMIT = 10;

/** Email and password, then always a second factor; then a short-lived access token and a rotating refresh token. */
@Injectable()
export class LoginService {
  private readonly logger = new Logger('LoginService');

  constructor(
    private readonly users: ConsoleUsersRepository,
    private readonly sessions: ConsoleSessionsRepository,
    private readonly phones: PhoneVerifier,
    private readonly totp: TotpService,
    private readonly emails: EmailsQueue,
    private readonly throttle: ConsoleThrottle,
    private readonly ssoConnections: SsoRepository,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  private async ssoRequired(email: string, authId: string): Promise<boolean> {
    return (await this.ssoConnections.byDomain(email.slice(email.lastIndexOf('@') + 1)))?.auth_id === authId;
  }

  async start({ client, body }: LoginRequest, apiId?: string): Promise<LoginStarted> {
    await this.throttle.assertAllowed(client.ip, body.email);
    const user = await this.users.byEmail(body.email);
    if (!(await passwordMatches(user?.password_hash, body.password)) || !user) {
      await this.throttle.failed(client.ip, body.email);
      throw loginFailed();
    }
    this.assertMayLogIn(user);
    if (await this.ssoRequired(user.email, user.auth_id)) {
      throw new DomainError(
        IdentityErrors.SSO_REQUIRED,
        'your email domain signs in with SSO: log in through your identity provider (POST /console/v1/sso/start)',
      );
    }
    return this.openAttempt(user, client, 'login', apiId);
  }

  /** A login attempt whose password was right: the second factors on offer, and the SMS code when it is the factor. */
  async openAttempt(user: UserRow, client: ClientInfo, purpose: AttemptPurpose, apiId?: string): Promise<LoginStarted> {
    const token = newSecret('scl');
    await this.sessions.startLogin(secretDigest(this.ring, token), user.id, this.deviceDigest(client), LOGIN_TTL, purpose);
    const factors: SecondFactor[] = ['sms', 'voice'];
    if (user.totp_enabled_at) factors.unshift('totp');
    if (await this.users.hasRecoveryCodes(user.id)) factors.push('recovery');
    // Without an authenticator app the SMS code is the factor, so it goes at once; with one, only when asked for.
    let sentTo: string | null = null;
    if (!user.totp_enabled_at) {
      await this.sendCode(token, user.phone!, 'sms', apiId);
      sentTo = maskPhone(user.phone!);
    }
    return { login_token: token, factors, code_sent_to: sentTo, expires_in: LOGIN_TTL };
  }

  /** Sends the SMS code, or calls with the same code (the fallback when an SMS does not arrive). */
  async challenge(loginToken: string, channel: 'sms' | 'voice', apiId?: string): Promise<{ message: string; code_sent_to: string }> {
    const login = await this.sessions.liveLogin(secretDigest(this.ring, loginToken));
    if (!login?.phone) throw loginEnded();
    await this.sendCode(loginToken, login.phone, channel, apiId);
    return { message: channel === 'voice' ? 'calling your phone with the code' : 'code sent by SMS', code_sent_to: maskPhone(login.phone) };
  }

  async verify({ client, body }: LoginVerifyRequest, apiId?: string): Promise<ConsoleTokens> {
    const { user, login } = await this.proveAttempt(client, body, 'login', apiId);
    if ((await this.sessions.seeDevice(user.id, login.device_digest)) === 'new') {
      await this.emails.send(
        `device-${user.id}-${login.device_digest.toString('hex', 0, 16)}`,
        newDeviceMail(user.email, client.user_agent, client.ip, new Date().toISOString()),
        apiId,
      );
    }
    return this.issue(user.id);
  }

  /**
   * The second factor of a live attempt made for `purpose` (and, for a re-auth, by `userId`): wrong codes count per
   * address and user, and the tenth ends the attempt; a right one ends it with its one success.
   */
  async proveAttempt(
    client: ClientInfo,
    body: LoginVerifyRequest['body'],
    purpose: AttemptPurpose,
    apiId?: string,
    userId?: string,
  ): Promise<{ user: UserRow; login: LoginRow }> {
    const digest = secretDigest(this.ring, body.login_token);
    const login = await this.sessions.liveLogin(digest, purpose);
    if (!login || (userId && login.user_id !== userId)) throw loginEnded();
    await this.throttle.assertAllowed(client.ip, login.email);
    const user = await this.users.byId(login.user_id);
    if (!user) throw loginEnded();
    this.assertMayLogIn(user);
    if (!(await this.codeIsRight(user, login.verify_session_uuid, body.method, body.code, apiId))) {
      await this.throttle.failed(client.ip, login.email);
      const wrong = await this.sessions.wrongCode(digest, WRONG_CODES_LIMIT);
      if (wrong >= WRONG_CODES_LIMIT) throw loginEnded(`${WRONG_CODES_LIMIT} wrong codes: this login attempt has ended`);
      throw new DomainError(IdentityErrors.CODE_INVALID, `code: wrong code (${WRONG_CODES_LIMIT - wrong} tries left for this login)`);
    }
    if (!(await this.sessions.finishLogin(digest))) throw loginEnded();
    return { user, login };
  }

  /** A spent refresh token presented again ends its family (see ConsoleSessionsRepository.rotate). */
  async refresh(refreshToken: string): Promise<ConsoleTokens> {
    const access = newSecret('sca');
    const refresh = newSecret('scr');
    const { outcome, userId } = await this.sessions.rotate(secretDigest(this.ring, refreshToken), this.secrets(access, refresh));
    if (outcome === 'replayed') {
      this.logger.warn(`console user ${userId}: a spent refresh token was presented again; its session was ended`);
      throw new DomainError(
        IdentityErrors.SESSION_INVALID,
        'refresh_token: already used, so it may have been copied: that sign-in was ended on every device holding it: log in again',
      );
    }
    if (outcome !== 'rotated') throw new DomainError(IdentityErrors.SESSION_INVALID, 'refresh_token: invalid, used or expired: log in again');
    return this.tokens(access, refresh);
  }

  /** Resolves a bearer token to its user; suspended and closed accounts stop working at once. */
  async authenticate(accessToken: string): Promise<ConsoleUser> {
    const s = await this.sessions.byAccess(secretDigest(this.ring, accessToken));
    if (!s) throw sessionInvalid();
    if (s.account_status === 'closed') throw accountClosed();
    if (s.account_status === 'suspended') throw accountSuspended();
    return { user_id: s.user_id, session_id: s.session_id, auth_id: s.auth_id, email: s.email, role: s.role };
  }

  async logout(user: ConsoleUser): Promise<void> {
    await this.sessions.end(user.session_id);
  }

  /** Tokens for a user whose identity was proven elsewhere (their SSO identity provider). */
  issueFor(userId: string): Promise<ConsoleTokens> {
    return this.issue(userId);
  }

  private async issue(userId: string): Promise<ConsoleTokens> {
    const access = newSecret('sca');
    const refresh = newSecret('scr');
    await this.sessions.createSession(userId, this.secrets(access, refresh));
    return this.tokens(access, refresh);
  }

  private secrets(access: string, refresh: string) {
    return { access: secretDigest(this.ring, access), accessTtl: ACCESS_TTL, refresh: secretDigest(this.ring, refresh), refreshTtl: REFRESH_TTL };
  }

  private tokens(access: string, refresh: string): ConsoleTokens {
    return { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TTL, refresh_token: refresh, refresh_expires_in: REFRESH_TTL };
  }

  private async codeIsRight(user: UserRow, verifySession: string | null, method: SecondFactor, code: string, apiId?: string): Promise<boolean> {
    if (method === 'sms' || method === 'voice') return verifySession ? this.phones.check(verifySession, code.trim(), apiId) : false;
    if (method === 'totp') return this.totp.check(user, code);
    return this.users.useRecoveryCode(user.id, secretDigest(this.ring, `recovery:${user.id}:${normalizeRecoveryCode(code)}`));
  }

  private assertMayLogIn(user: UserRow): void {
    if (user.account_status === 'closed') throw accountClosed();
    if (user.account_status === 'suspended') throw accountSuspended();
    if (!user.email_verified_at || !user.phone_verified_at) throw notActivated();
  }

  private async sendCode(loginToken: string, phone: string, channel: 'sms' | 'voice', apiId?: string): Promise<void> {
    const sessionUuid = await this.phones.send(phone, channel, apiId);
    await this.sessions.setLoginVerifySession(secretDigest(this.ring, loginToken), sessionUuid);
  }

  /** A device is what the console says it is (`device_id`), or else its user agent. */
  private deviceDigest(client: ClientInfo): Buffer {
    return secretDigest(this.ring, `device:${client.device_id || client.user_agent || 'unknown'}`);
  }
}
