import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createMailer, type ClosableMailer, type MailMessage } from '@signet/mail';
import { startWorker } from '@signet/queue';
import type { Worker } from 'bullmq';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config.js';
import { EMAILS_QUEUE } from './emails.queue.js';

/** In the identity worker process: sends `identity.emails` jobs over SMTP (or to the development catcher); a failed send is retried by BullMQ. */
@Injectable()
export class EmailsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('identity.emails');
  private worker?: Worker;
  private readonly mailer: ClosableMailer;

  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {
    // Built here, so production without SIGNET_SMTP_URL stops at boot with createMailer's one-line message.
    this.mailer = createMailer(config);
  }

  onApplicationBootstrap(): void {
    this.worker = startWorker(
      EMAILS_QUEUE,
      {
        send: {
          run: async (job) => {
            const { to, subject, text, html } = job.data as MailMessage;
            await this.mailer.send({ to, subject, text, html });
          },
          // No row waits on a mail: its last failure is an error line an operator can alert on (the job stays in
          // the failed set for a week for inspection and a manual retry).
          exhausted: async (job, err) => {
            this.logger.error(`mail ${job.id} not sent after ${job.attemptsMade + 1} tries: ${err.message}`);
          },
        },
      },
      { redisUrl: this.config.REDIS_URL, prefix: this.config.REDIS_PREFIX },
      { concurrency: this.config.IDENTITY_EMAIL_CONCURRENCY },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.mailer.close();
  }
}
