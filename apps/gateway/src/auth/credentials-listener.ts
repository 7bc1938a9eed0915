import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { type CredentialsChanged, IdentityNotices } from '@signet/contracts/identity';
import { RpcClient, natsSubject } from '@signet/nats';
import { CredentialCache } from './credential-cache.js';

/**
 * Every gateway replica subscribes on its own (no queue group) to identity's credential notices and drops the
 * account from its cache at once. A notice missed while disconnected from NATS cannot be replayed, so the whole
 * cache is dropped on every reconnect.
 */
@Injectable()
export class CredentialsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CredentialsListener');
  private subscription?: Subscription;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CredentialCache) private readonly cache: CredentialCache,
  ) {}

  onApplicationBootstrap(): void {
    const nc = this.rpc.connection;
    this.subscription = nc.subscribe(natsSubject(IdentityNotices.credentialsChanged), {
      callback: (err, msg) => {
        if (err) return this.logger.warn(`credential notices: ${err.message}`);
        try {
          const { auth_id } = msg.json<CredentialsChanged>();
          if (typeof auth_id === 'string') this.cache.drop(auth_id);
        } catch {
          this.logger.warn('ignoring a malformed credential notice');
        }
      },
    });
    void (async () => {
      for await (const status of nc.status()) if (status.type === 'reconnect') this.cache.clear();
    })();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
