import type { DeliveryProvider, OutboundMessage, ProviderNumber, SendResult } from '../delivery-provider.js';

export interface OutboxStore {
  /** Keeps the message; saving the same attempt twice keeps one copy. */
  save(message: OutboundMessage): Promise<void>;
}

/**
 * The development provider: it "delivers" by keeping the message where a developer can read it
 * (GET /dev/outbox on the gateway). Delivery is known at once, so it reports the final status.
 */
export class OutboxProvider implements DeliveryProvider {
  readonly name = 'outbox';

  constructor(private readonly store: OutboxStore) {}

  async sendSms(message: OutboundMessage): Promise<SendResult> {
    await this.store.save(message);
    return { providerRef: `outbox-${message.attemptId}`, finalStatus: 'delivered' };
  }

  async placeVoiceCall(message: OutboundMessage): Promise<SendResult> {
    await this.store.save(message);
    return { providerRef: `outbox-${message.attemptId}`, finalStatus: 'completed' };
  }

  async verifyCredentials(): Promise<void> {}

  /** The outbox "owns" no numbers: it serves every destination on both channels. */
  async listNumbers(): Promise<ProviderNumber[]> {
    return [];
  }
}
