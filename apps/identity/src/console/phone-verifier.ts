import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Caller } from '@signet/contracts/common';
import { VerifyErrors, VerifySubjects } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import { IDENTITY_NATS } from '../events/identity-nats.js';

/** Codes live 3 minutes (the FAQ); ten wrong ones end a Verify session. */
const CONSOLE_APP = {
  name: 'Signet console',
  brand_name: 'Signet',
  otp_length: 6,
  otp_expiry: 180,
  otp_attempts: 10,
  max_validation_attempts: 10,
  sms_channel: true,
  voice_channel: true,
  is_default: true,
};

/** Codes that mean "this code does not prove the phone", as opposed to verify being unreachable. */
const WRONG = new Set<string>([
  VerifyErrors.OTP_INVALID,
  VerifyErrors.OTP_EXPIRED,
  VerifyErrors.TRIES_EXHAUSTED,
  VerifyErrors.SESSION_NOT_FOUND,
  VerifyErrors.ALREADY_VERIFIED,
]);

/**
 * Identity proves phones through Signet's own Verify sessions, as a Verify customer on an account of its own
 * (`SIGNET_CONSOLE_VERIFY_ACCOUNT`), over verify's NATS contract — never its tables.
 */
@Injectable()
export class PhoneVerifier {
  private readonly rpc: RpcClient;
  private readonly caller: Caller;
  private appReady?: Promise<string>;

  constructor(@Inject(IDENTITY_NATS) nc: NatsConnection, @Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.rpc = new RpcClient(nc, config.NATS_TIMEOUT_MS);
    this.caller = { auth_id: config.SIGNET_CONSOLE_VERIFY_ACCOUNT, main_auth_id: config.SIGNET_CONSOLE_VERIFY_ACCOUNT, is_subaccount: false };
  }

  /** Sends a code (or, for a session in progress, the same code again, by SMS or a voice call); the session's uuid. */
  async send(phone: string, channel: 'sms' | 'voice', apiId?: string): Promise<string> {
    const app_uuid = await this.app();
    const body = { recipient: phone, channel, app_uuid };
    const r = await this.rpc.call(VerifySubjects.sessionCreate, { caller: this.caller, requestor_ip: null, body: body as never }, apiId);
    return r.session_uuid;
  }

  /** True when the code proves the session's phone; false for a wrong, expired or exhausted code. */
  async check(sessionUuid: string, code: string, apiId?: string): Promise<boolean> {
    try {
      await this.rpc.call(VerifySubjects.sessionValidate, { caller: this.caller, session_uuid: sessionUuid, body: { otp: code } }, apiId);
      return true;
    } catch (err) {
      if (err instanceof DomainError && WRONG.has(err.code)) return false;
      throw err;
    }
  }

  /** What verify's development outbox holds for a phone, sent from identity's account. */
  outbox(recipient: string) {
    return this.rpc.call(VerifySubjects.outboxList, { caller: this.caller, query: { recipient } as never });
  }

  private app(): Promise<string> {
    this.appReady ??= this.ensureApp().catch((err) => {
      this.appReady = undefined;
      throw err;
    });
    return this.appReady;
  }

  private async ensureApp(): Promise<string> {
    const list = await this.rpc.call(VerifySubjects.appList, { caller: this.caller, query: { limit: 20, offset: 0 } });
    const existing = list.verify_apps?.find((a) => a.name === CONSOLE_APP.name);
    if (existing) return existing.app_uuid;
    const created = await this.rpc.call(VerifySubjects.appCreate, { caller: this.caller, body: CONSOLE_APP as never });
    return created.app_uuid;
  }
}
