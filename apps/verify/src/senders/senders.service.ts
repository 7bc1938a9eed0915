import { Inject, Injectable } from '@nestjs/common';
import { CommonErrors, isUuid } from '@signet/contracts/common';
import {
  VerifyErrors,
  type SenderCreateRequest,
  type SenderListRequest,
  type SenderListResult,
  type SenderNumberChoice,
  type SenderNumberView,
  type SenderRef,
  type SenderUpdateRequest,
  type SenderView,
} from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
type Channel = 'sms' | 'voice';
import { ProviderAuthError, ProviderRegistry, type ProviderNumber, type VendorCredentials, type VendorName } from '@signet/providers';
import { Keyring } from '@signet/secrets';
import { SENDER_SEAL } from './seal.js';
import { SendersRepository, type SenderRow } from './senders.repository.js';

const REQUIRED: Record<VendorName, { id: string; secret: string; others: string[] }> = {
  twilio: { id: 'account_sid', secret: 'auth_token', others: [] },
  plivo: { id: 'auth_id', secret: 'auth_token', others: [] },
  vonage: { id: 'api_key', secret: 'api_secret', others: ['application_id', 'private_key', 'signature_secret'] },
};

const invalid = (message: string): DomainError => new DomainError(CommonErrors.VALIDATION_FAILED, message);
const notFound = (): DomainError => new DomainError(VerifyErrors.SENDER_NOT_FOUND, 'sender not found');
const invalidNumber = (message: string): DomainError => new DomainError(VerifyErrors.SENDER_NUMBER_INVALID, message);
const mask = (secret: string): string => `${'*'.repeat(Math.max(4, secret.length - 4))}${secret.slice(-4)}`;
const e164 = (n: string): string => (n.startsWith('+') || n.length <= 6 ? n : `+${n}`);

export const toSenderView = (r: SenderRow): SenderView => ({
  sender_uuid: r.uuid,
  name: r.name,
  provider: r.provider,
  channels: r.channels,
  credentials: { [REQUIRED[r.provider].id]: r.public_id, [REQUIRED[r.provider].secret]: r.secret_hint },
  numbers: r.numbers,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/**
 * Senders: a caller's own provider account. Create checks the credentials with the provider and lists its numbers
 * before saving; credentials are sealed with the keyring and never returned; selected numbers must exist on the
 * account and support every channel of the sender; a short code serves exactly one country.
 */
@Injectable()
export class SendersService {
  constructor(
    private readonly senders: SendersRepository,
    private readonly registry: ProviderRegistry,
    @Inject(Keyring) private readonly ring: Keyring,
  ) {}

  async create({ caller, body }: SenderCreateRequest): Promise<SenderView> {
    const need = REQUIRED[body.provider];
    const fields = body as unknown as Record<string, string | undefined>;
    const missing = [need.id, need.secret].filter((k) => !fields[k]);
    if (missing.length > 0) throw invalid(`${body.provider} needs ${missing.join(' and ')}`);
    const creds = Object.fromEntries([need.id, need.secret, ...need.others].filter((k) => fields[k]).map((k) => [k, fields[k] as string]));
    const channels = [...new Set(body.channels ?? ['sms'])] as Channel[];
    if (channels.includes('voice') && body.provider === 'vonage' && (!creds.application_id || !creds.private_key)) {
      throw invalid('a vonage sender with voice needs application_id and private_key');
    }
    const provider = this.registry.create(body.provider, creds as unknown as VendorCredentials[VendorName]);
    let listed: ProviderNumber[];
    try {
      await provider.verifyCredentials();
      listed = await provider.listNumbers();
    } catch (err) {
      if (err instanceof ProviderAuthError)
        throw new DomainError(VerifyErrors.SENDER_CREDENTIALS_REFUSED, `${body.provider} refused the credentials (${err.message})`);
      throw new DomainError(VerifyErrors.SENDER_PROVIDER_UNAVAILABLE, `could not check the credentials: ${(err as Error).message}`);
    }
    if (listed.length === 0) throw invalidNumber(`the ${body.provider} account has no phone numbers; buy one first`);
    const numbers = this.select(
      listed.map((n) => ({ ...n, selected: false, countries: [] })),
      body.numbers ?? [],
      channels,
    );
    const uuid = await this.senders.insert(caller, {
      name: body.name,
      provider: body.provider,
      channels,
      public_id: creds[need.id],
      secret_hint: mask(creds[need.secret]),
      credentials_sealed: this.ring.encrypt(SENDER_SEAL, JSON.stringify(creds)),
      numbers,
    });
    return this.get({ caller, sender_uuid: uuid });
  }

  /** Applies a selection to the account's numbers: each chosen number must exist and serve every channel. */
  private select(all: SenderNumberView[], chosen: SenderNumberChoice[], channels: ('sms' | 'voice')[]): SenderNumberView[] {
    const picked = new Map<string, string[]>();
    for (const c of chosen) {
      const number = e164(c.number);
      const n = all.find((x) => x.number === number);
      if (!n) throw invalidNumber(`${c.number} is not a number of this provider account`);
      const lacking = channels.filter((ch) => !n[ch]);
      if (lacking.length > 0)
        throw invalidNumber(
          `${c.number} does not support ${lacking.join(' and ')}; a ${channels.join('+')} sender needs numbers that support ${channels.length > 1 ? 'both' : 'it'}`,
        );
      const countries = [...new Set(c.countries ?? [])];
      if (n.type === 'shortcode' && countries.length > 1) throw invalidNumber(`${c.number} is a short code: it serves exactly one country`);
      picked.set(number, countries);
    }
    if (chosen.length === 0) {
      // Nothing chosen yet: every number that supports all the sender's channels is selected, serving its default.
      return all.map((n) => ({ ...n, selected: channels.every((ch) => n[ch]) }));
    }
    return all.map((n) => ({ ...n, selected: picked.has(n.number), countries: picked.get(n.number) ?? [] }));
  }

  async get({ caller, sender_uuid }: SenderRef): Promise<SenderView> {
    return toSenderView(await this.find(caller, sender_uuid));
  }

  private async find(caller: SenderRef['caller'], uuid: string): Promise<SenderRow> {
    if (!isUuid(uuid)) throw notFound();
    const row = await this.senders.find(caller, uuid);
    if (!row) throw notFound();
    return row;
  }

  async list({ caller, query }: SenderListRequest): Promise<SenderListResult> {
    const { rows, total } = await this.senders.list(caller, query.limit, query.offset);
    return { senders: rows.map(toSenderView), limit: query.limit, offset: query.offset, total_count: total };
  }

  async update({ caller, sender_uuid, body }: SenderUpdateRequest): Promise<SenderView> {
    const row = await this.find(caller, sender_uuid);
    const credentialFields = ['auth_token', 'api_secret', 'account_sid', 'auth_id', 'api_key', 'private_key'] as const;
    if (credentialFields.some((k) => body[k] !== undefined)) {
      throw new DomainError(VerifyErrors.SENDER_CREDENTIALS_IMMUTABLE, 'credentials cannot be changed after saving: create a new sender');
    }
    const channels = (body.channels ? [...new Set(body.channels)] : row.channels) as Channel[];
    const numbers = body.numbers || body.channels ? this.select(row.numbers, body.numbers ?? row.numbers.filter((n) => n.selected), channels) : undefined;
    await this.senders.update(row.uuid, { name: body.name, channels: body.channels ? channels : undefined, numbers });
    return this.get({ caller, sender_uuid });
  }

  async delete({ caller, sender_uuid }: SenderRef): Promise<void> {
    const row = await this.find(caller, sender_uuid);
    if ((await this.senders.deleteUnused(row.uuid)) === 'in-use') {
      throw new DomainError(VerifyErrors.SENDER_IN_USE, 'sender is used by a Verify application; remove it from the application first');
    }
  }
}
