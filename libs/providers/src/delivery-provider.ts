/** Signet's own delivery statuses; every adapter maps its vendor's strings to these inside itself. */
export type DeliveryStatus = 'sent' | 'delivered' | 'undelivered' | 'failed' | 'in-progress' | 'ringing' | 'completed';

export type Channel = 'sms' | 'voice';

export interface OutboundMessage {
  attemptId: string;
  sessionId: string;
  accountId: string;
  mainAccountId: string;
  /** E.164 with the leading + */
  to: string;
  /** The sender's number chosen for this destination (E.164 with +); the outbox has none. */
  from?: string;
  channel: Channel;
  /** For voice, the text to speak. */
  text: string;
  /** Voice: the BCP 47 language of `text` (`fr-FR`); each adapter maps it to its vendor's voices. Unset: US English. */
  language?: string;
  /** Where the vendor posts delivery receipts / call events for this attempt (Signet's public URL), if any. */
  statusUrl?: string;
  /** Plivo voice: the URL Plivo fetches the `<Speak>` XML from when the call is answered. */
  answerUrl?: string;
}

export interface SendResult {
  /** The vendor's id for the message or call, for matching delivery receipts. */
  providerRef: string;
  /** A final status already known at send time (the outbox knows it delivered), else undefined. */
  finalStatus?: DeliveryStatus;
}

/** A number a provider account owns, with what it can do. */
export interface ProviderNumber {
  /** E.164 with the leading + (short codes: their digits) */
  number: string;
  type: 'local' | 'tollfree' | 'shortcode';
  sms: boolean;
  voice: boolean;
}

/** The port every SMS/voice vendor adapter implements. */
export interface DeliveryProvider {
  readonly name: string;
  sendSms(message: OutboundMessage): Promise<SendResult>;
  placeVoiceCall(message: OutboundMessage): Promise<SendResult>;
  /** Resolves when the vendor accepts the credentials; throws `ProviderAuthError` when it refuses them. */
  verifyCredentials(): Promise<void>;
  /** Every number of the vendor account (all pages). */
  listNumbers(): Promise<ProviderNumber[]>;
}

/** The vendor refused or could not be reached: a reason to fall back to another sender. */
export class ProviderApiError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly retryable: boolean,
    /** The vendor's HTTP status, when it answered. */
    readonly httpStatus?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderApiError';
  }
}

/** The vendor refused the credentials (HTTP 401/403, Vonage status 4). */
export class ProviderAuthError extends ProviderApiError {
  constructor(provider: string, message: string, httpStatus?: number) {
    super(provider, message, false, httpStatus);
    this.name = 'ProviderAuthError';
  }
}
