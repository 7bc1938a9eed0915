import { Inject, Injectable } from '@nestjs/common';
import { OutboxProvider, ProviderRegistry, numberType, type Channel, type DeliveryProvider, type VendorCredentials, type VendorName } from '@signet/providers';
import { Keyring } from '@signet/secrets';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { DevOutboxRepository } from '../dev-outbox/dev-outbox.repository.js';
import { SendersRepository, type SenderRow } from '../senders/senders.repository.js';
import { SENDER_SEAL } from '../senders/seal.js';
import type { SelectedNumber } from './number-selection.js';

/** One sender an attempt may go through, in the order it is tried. */
export interface Route {
  /** The circuit-breaker key: the sender's uuid, or `platform`. */
  key: string;
  /** null for the platform sender. */
  senderUuid: string | null;
  provider: DeliveryProvider;
  /** `any`: the provider needs no from-number (the outbox). */
  numbers: readonly SelectedNumber[] | 'any';
  channels: readonly Channel[];
}

/** How long a built sender adapter is reused before its row is read again (a sender edit shows within this). */
const CACHE_MS = 10_000;

/**
 * The ordered senders for an attempt: the app's `sender_uuids` (primary first; a sender since deleted is passed
 * over) and, after them, the platform sender from `SIGNET_PLATFORM_SENDER` (the development outbox when unset).
 */
@Injectable()
export class RouteResolver {
  private readonly platform: Route;
  private readonly cache = new Map<string, { route: Route; until: number }>();

  constructor(
    @Inject(VERIFY_CONFIG) config: VerifyConfig,
    outbox: DevOutboxRepository,
    private readonly registry: ProviderRegistry,
    private readonly senders: SendersRepository,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {
    const p = config.SIGNET_PLATFORM_SENDER;
    this.platform =
      p.provider === 'outbox'
        ? { key: 'platform', senderUuid: null, provider: new OutboxProvider(outbox), numbers: 'any', channels: ['sms', 'voice'] }
        : {
            key: 'platform',
            senderUuid: null,
            provider: registry.create(p.provider as VendorName, p.credentials as unknown as VendorCredentials[VendorName]),
            numbers: p.numbers.map((n) => ({ ...n, type: n.type ?? numberType(n.number) })),
            channels: ['sms', 'voice'],
          };
  }

  async routesFor(attempt: { account_id: string; sender_uuids: string[] | null }): Promise<Route[]> {
    const uuids = attempt.sender_uuids ?? [];
    const now = Date.now();
    const missing = uuids.filter((u) => !((this.cache.get(u)?.until ?? 0) > now));
    for (const row of await this.senders.ownedBy(attempt.account_id, missing)) this.cache.set(row.uuid, { route: this.toRoute(row), until: now + CACHE_MS });
    const own = uuids
      .map((u) => this.cache.get(u))
      .filter((c) => c && c.until > now)
      .map((c) => c!.route);
    return [...own, this.platform];
  }

  private toRoute(row: SenderRow): Route {
    const creds = JSON.parse(this.ring.decrypt(SENDER_SEAL, row.credentials_sealed));
    return {
      key: row.uuid,
      senderUuid: row.uuid,
      provider: this.registry.create(row.provider, creds),
      numbers: row.numbers.filter((n) => n.selected),
      channels: row.channels,
    };
  }
}
