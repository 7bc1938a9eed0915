/** Signet's own delivery statuses; every adapter maps its vendor's strings to these inside itself. */
export type DeliveryStatus = 'sent' | 'delivered' | 'undelivered' | 'failed' | 'in-progress' | 'ringing' | 'completed';

export interface OutboundMessage {
  attemptId: string;
  sessionId: string;
  accountId: string;
  mainAccountId: string;
  /** E.164 with the leading + */
  to: string;
  channel: 'sms' | 'voice';
  /** For voice, the text to speak. */
  text: string;
}

export interface SendResult {
  /** The vendor's id for the message or call, for matching delivery receipts. */
  providerRef: string;
  /** A final status already known at send time (the outbox knows it delivered), else undefined. */
  finalStatus?: DeliveryStatus;
}

/** The port every SMS/voice vendor adapter implements. */
export interface DeliveryProvider {
  readonly name: string;
  sendSms(message: OutboundMessage): Promise<SendResult>;
  placeVoiceCall(message: OutboundMessage): Promise<SendResult>;
}

/** The vendor refused or could not be reached: a reason to fall back to another sender. */
export class ProviderApiError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderApiError';
  }
}
