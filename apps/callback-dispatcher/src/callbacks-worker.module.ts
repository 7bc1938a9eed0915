import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connectNats, RpcClient } from '@signet/nats';
import { startWorker } from '@signet/queue';
import type { Worker } from 'bullmq';
import { callbacksCoreProviders } from './callbacks.providers.js';
import { callbacksSpec } from './callbacks.queue.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from './config/callbacks.config.js';
import { CallbackProcessor } from './delivery/callback.processor.js';
import { CallbackSender } from './delivery/callback-sender.js';
import { SigningTokensCache } from './delivery/signing-tokens.js';
import { Sweeper } from './delivery/sweeper.js';

@Injectable()
class CallbackWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private readonly logger = new Logger('CallbackWorkers');

  constructor(
    private readonly processor: CallbackProcessor,
    private readonly sender: CallbackSender,
    private readonly rpc: RpcClient,
    @Inject(CALLBACKS_CONFIG) private readonly config: CallbacksConfig,
  ) {}

  onApplicationBootstrap(): void {
    const env = { redisUrl: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX };
    this.worker = startWorker(
      callbacksSpec,
      {
        send: {
          run: (job, token) => this.processor.send(job, token),
          // Our side failed ten times (database or Redis down): the row stays pending and the sweeper re-adds it.
          exhausted: async (job, err) => this.logger.warn(`callback ${job.data?.callback_uuid} left to the sweeper: ${err.message}`),
        },
      },
      env,
      { concurrency: this.config.CALLBACKS_CONCURRENCY },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.sender.close();
    await this.rpc.connection.drain().catch(() => undefined);
  }
}

@Module({
  providers: [
    ...callbacksCoreProviders,
    {
      provide: RpcClient,
      useFactory: async (c: CallbacksConfig) => new RpcClient(await connectNats(c.NATS_URL, 'callback-dispatcher-worker'), c.NATS_TIMEOUT_MS),
      inject: [CALLBACKS_CONFIG],
    },
    { provide: SigningTokensCache, useFactory: (rpc: RpcClient) => new SigningTokensCache(rpc, rpc.connection), inject: [RpcClient] },
    {
      provide: CallbackSender,
      useFactory: (c: CallbacksConfig) =>
        new CallbackSender({ allowPrivate: c.allowPrivate, timeoutMs: c.CALLBACKS_TIMEOUT_MS, connections: c.CALLBACKS_CONCURRENCY }),
      inject: [CALLBACKS_CONFIG],
    },
    CallbackProcessor,
    Sweeper,
    CallbackWorkers,
  ],
})
export class CallbacksWorkerModule {}
