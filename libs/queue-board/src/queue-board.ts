import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { redisOptions } from '@signet/config';
import { BillingQueues } from '@signet/contracts/billing';
import { CallbackQueues } from '@signet/contracts/callbacks';
import { IdentityQueues } from '@signet/contracts/identity';
import { VerifyQueues } from '@signet/contracts/verify';
import { type ConnectionOptions, Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Every queue of every service, as the contracts name them. */
export const ALL_QUEUES = [
  ...Object.values(VerifyQueues),
  ...Object.values(CallbackQueues),
  ...Object.values(BillingQueues),
  ...Object.values(IdentityQueues),
].map((q) => q.name);

export interface QueueBoardOptions {
  redisUrl: string;
  prefix: string;
  basePath: string;
  /**
   * False when the caller may not see the board, having answered it (the board's own error handler, not the app's,
   * would see a throw here).
   */
  authorize(req: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

/**
 * Bull Board (read and retry/clean jobs) for every queue, mounted on the gateway under `basePath` behind
 * `authorize`. The one place the gateway reaches a queue: operators' eyes, never the request path.
 */
export async function mountQueueBoard(fastify: FastifyInstance, opts: QueueBoardOptions): Promise<() => Promise<void>> {
  const connection = redisOptions(opts.redisUrl, 'producer') as ConnectionOptions;
  const queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: opts.prefix }));
  for (const q of queues) q.on('error', () => undefined);
  const serverAdapter = new FastifyAdapter();
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'Signet queues' } } });
  serverAdapter.setBasePath(opts.basePath);
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (req, reply) => {
        if (!(await opts.authorize(req, reply))) return reply;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: opts.basePath },
  );
  return async () => void (await Promise.all(queues.map((q) => q.close())));
}
