import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { type CredentialsChanged, IdentityNotices, IdentitySubjects } from '@signet/contracts/identity';
import { natsSubject, RpcClient } from '@signet/nats';
import type { SigningTokens } from '@signet/signatures';

const TTL_MS = 60_000;

/**
 * The tokens callbacks are signed with, asked of identity and kept in memory (never logged) for a minute at most.
 * `identity.credentials.changed` (a rotation, a closed account) forgets the account and every entry under it at
 * once; a missed notice costs at most the TTL, during which receivers may still accept the old token's grace.
 */
export class SigningTokensCache implements OnApplicationShutdown {
  private readonly entries = new Map<string, { tokens: SigningTokens & { mainAuthId: string }; at: number }>();
  private readonly subscription: Subscription;
  private readonly logger = new Logger('SigningTokens');

  constructor(
    private readonly rpc: RpcClient,
    nc: NatsConnection,
  ) {
    this.subscription = nc.subscribe(natsSubject(IdentityNotices.credentialsChanged), {
      callback: (err, msg) => {
        if (err) return;
        try {
          this.forget(msg.json<CredentialsChanged>().auth_id);
        } catch {
          this.entries.clear();
        }
      },
    });
    void (async () => {
      for await (const s of nc.status()) if (s.type === 'reconnect') this.entries.clear();
    })().catch(() => undefined);
  }

  forget(authId: string): void {
    for (const [id, e] of this.entries) if (id === authId || e.tokens.mainAuthId === authId) this.entries.delete(id);
  }

  /** Throws the identity DomainError (account not found) or SERVICE_UNAVAILABLE. */
  async get(authId: string): Promise<SigningTokens> {
    const hit = this.entries.get(authId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.tokens;
    const r = await this.rpc.call(IdentitySubjects.signingTokensGet, { auth_id: authId });
    const tokens = { token: r.token, mainToken: r.main_token, mainAuthId: r.main_auth_id };
    this.entries.set(authId, { tokens, at: Date.now() });
    if (this.entries.size > 100_000) this.logger.warn('signing token cache is large; entries expire after a minute');
    return tokens;
  }

  onApplicationShutdown(): void {
    this.subscription.unsubscribe();
  }
}
