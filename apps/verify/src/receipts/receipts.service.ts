import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@signet/contracts/common';
import { VerifyErrors, type AnswerRequest, type AnswerResult, type ReceiptRequest, type ReceiptResult } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import {
  plivoAnswerXml,
  plivoReceiptStatus,
  twilioReceiptStatus,
  verifyPlivoSignature,
  verifyTwilioSignature,
  verifyVonageSmsSignature,
  verifyVonageWebhookJwt,
  vonageCallEventStatus,
  vonageSmsReceiptStatus,
  type DeliveryStatus,
} from '@signet/providers';
import { Keyring } from '@signet/secrets';
import { DataSource } from 'typeorm';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { CUSTOM_TEMPLATES, DeliveryRepository } from '../delivery/delivery.repository.js';
import { renderVoice } from '../messages/render.js';
import { EventsRelay } from '@signet/outbox';
import { openOtp } from '../otp/otp.js';
import { SENDER_SEAL } from '../senders/seal.js';
import { MOVES_FROM } from './receipt-status.js';

interface ReceiptTarget {
  attempt_uuid: string;
  channel: 'sms' | 'voice';
  status: string;
  provider: string | null;
  provider_ref: string | null;
  sender_uuid: string | null;
  credentials_sealed: Buffer | null;
  session_status: string;
  otp_sealed: Buffer | null;
  template: string;
  brand_name: string;
  locale: string;
  dtmf: boolean;
  custom: Record<string, string>;
}

type Parsed = { status: DeliveryStatus; errorCode: string | null; ref: string } | undefined;

const forged = (): DomainError => new DomainError(VerifyErrors.RECEIPT_SIGNATURE_INVALID, 'the webhook signature does not verify');
const unknownAttempt = (): DomainError => new DomainError(VerifyErrors.ATTEMPT_NOT_FOUND, 'no such attempt for this provider');

/**
 * Delivery receipts and call events from the vendors, checked with that vendor's own signature scheme against the
 * credentials of the sender that took the attempt (the platform sender's for platform attempts). A verified receipt
 * moves the attempt's status forward only, with its `attempt.status_changed` event in the same statement; it never
 * triggers a fallback. Plivo's answer_url is answered here too (the OTP in the session's language, only while the session is in progress).
 */
@Injectable()
export class ReceiptsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly attempts: DeliveryRepository,
    private readonly relay: EventsRelay,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  private async target(attemptUuid: string, provider: string): Promise<ReceiptTarget> {
    if (!isUuid(attemptUuid)) throw unknownAttempt();
    const rows: ReceiptTarget[] = await this.ds.query(
      `SELECT a.uuid AS attempt_uuid, a.channel, a.status, a.provider, a.provider_ref, a.sender_uuid, d.credentials_sealed,
         s.status AS session_status, s.otp_sealed, s.template, s.brand_name, s.locale, s.dtmf, ${CUSTOM_TEMPLATES} AS custom
       FROM verify.attempts a JOIN verify.sessions s ON s.uuid = a.session_uuid LEFT JOIN verify.senders d ON d.uuid = a.sender_uuid
       WHERE a.uuid = $1`,
      [attemptUuid],
    );
    const t = rows[0];
    if (!t || t.provider !== provider) throw unknownAttempt();
    return t;
  }

  private credentials(t: ReceiptTarget): Record<string, string> {
    if (t.sender_uuid) {
      if (!t.credentials_sealed) throw unknownAttempt(); // the sender was deleted: nothing to check against
      return JSON.parse(this.ring.decrypt(SENDER_SEAL, t.credentials_sealed));
    }
    const p = this.config.SIGNET_PLATFORM_SENDER;
    if (p.provider === 'outbox') throw unknownAttempt();
    return p.credentials;
  }

  private url(path: string): string {
    return `${(this.config.SIGNET_PUBLIC_URL ?? '').replace(/\/$/, '')}${path}`;
  }

  private async verified(provider: string, req: ReceiptRequest | AnswerRequest, creds: Record<string, string>, channel: 'sms' | 'voice'): Promise<boolean> {
    const url = this.url(req.path);
    const h = req.headers;
    if (provider === 'twilio') return verifyTwilioSignature(creds.auth_token, url, req.method === 'POST' ? req.params : {}, h['x-twilio-signature']);
    if (provider === 'plivo') {
      const sig = {
        v3: h['x-plivo-signature-v3'],
        v3Nonce: h['x-plivo-signature-v3-nonce'],
        v2: h['x-plivo-signature-v2'],
        v2Nonce: h['x-plivo-signature-v2-nonce'],
      };
      return verifyPlivoSignature(creds.auth_token, url, req.method === 'POST' ? req.params : {}, sig, req.method);
    }
    const secret = creds.signature_secret ?? creds.api_secret;
    return channel === 'sms' ? verifyVonageSmsSignature(secret, req.params) : verifyVonageWebhookJwt(secret, h.authorization, req.raw_body);
  }

  private parse(req: ReceiptRequest): Parsed {
    if (req.provider === 'twilio') return twilioReceiptStatus(req.params);
    if (req.provider === 'plivo') return plivoReceiptStatus(req.params);
    if (req.channel === 'sms') return vonageSmsReceiptStatus(req.params);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(req.raw_body || '{}');
    } catch {
      // not JSON: nothing to apply
    }
    return vonageCallEventStatus(body);
  }

  async apply(req: ReceiptRequest): Promise<ReceiptResult> {
    const t = await this.target(req.attempt_uuid, req.provider);
    if (!(await this.verified(req.provider, req, this.credentials(t), t.channel))) throw forged();
    const parsed = this.parse(req);
    if (!parsed) return { changed: false, status: t.status };
    // The reference must be the one the vendor gave at send time (unknown only after DELIVERY_UNCONFIRMED).
    if (t.provider_ref && parsed.ref !== t.provider_ref) throw unknownAttempt();
    const errorCode = ['undelivered', 'failed'].includes(parsed.status) ? parsed.errorCode : null;
    const changed = await this.attempts.setStatus(t.attempt_uuid, { status: parsed.status, from: MOVES_FROM[parsed.status], errorCode });
    if (changed) this.relay.kick();
    return { changed, status: changed ? parsed.status : t.status };
  }

  async answer(req: AnswerRequest): Promise<AnswerResult> {
    const t = await this.target(req.attempt_uuid, 'plivo');
    if (t.channel !== 'voice') throw unknownAttempt();
    if (!(await this.verified('plivo', req, this.credentials(t), 'voice'))) throw forged();
    const source = { ...t, app_hash: null };
    if (t.session_status !== 'in-progress' || !t.otp_sealed) {
      const { expired, language } = renderVoice(source, '');
      return { xml: plivoAnswerXml({ text: expired, language }) };
    }
    const voice = renderVoice(source, openOtp(this.ring, t.otp_sealed));
    // dtmf: the code only after a key; `<GetDigits>` posts the key (`Digits`) back to this same, signed URL.
    if (t.dtmf && !req.params.Digits) return { xml: plivoAnswerXml(voice, { prompt: voice.prompt, action: this.url(req.path) }) };
    return { xml: plivoAnswerXml(voice) };
  }
}
