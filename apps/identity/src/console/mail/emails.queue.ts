import { Inject, Injectable } from '@nestjs/common';
import { IdentityQueues } from '@signet/contracts/identity';
import type { MailMessage } from '@signet/mail';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config.js';

type EmailJob = (typeof IdentityQueues.emails.jobs)[number];

/** Eight tries over about four minutes, then the job stays failed (a week) for an operator to see. */
export const EMAILS_QUEUE: QueueSpec<EmailJob> = {
  name: IdentityQueues.emails.name,
  jobs: IdentityQueues.emails.jobs,
  defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, ...KEEP_JOBS },
};

/** Console mail leaves only through this queue; its worker sends it. */
@Injectable()
export class EmailsQueue extends QueueProducer<EmailJob> {
  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    super(EMAILS_QUEUE, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  /** `key` names the mail (`activation-<user>`, `reset-<link digest>`…): the job id, so one request never mails twice. */
  async send(key: string, message: MailMessage, apiId?: string): Promise<void> {
    await this.addOrDefer('send', { ...message, api_id: apiId }, { jobId: key });
  }
}
