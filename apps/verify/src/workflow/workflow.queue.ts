import { Inject, Injectable } from '@nestjs/common';
import { VerifyQueues, type Workflow } from '@signet/contracts/verify';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';

/** A billing or database hiccup when the step is due is retried for about half a minute. */
export const workflowSpec: QueueSpec<'next-attempt'> = {
  ...VerifyQueues.workflow,
  defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...KEEP_JOBS },
};

export interface WorkflowJob {
  session_uuid: string;
  /** The attempt this step follows: the step adds attempt `after_sequence + 1`, only if none came since. */
  after_sequence: number;
  api_id?: string;
}

/**
 * The app's channel workflow: after attempt n (1-based) of a session, if step n waits and a step n+1 exists, a delayed
 * job (id = session and n, so adding it twice runs it once) adds step n+1's attempt `wait` seconds later.
 */
@Injectable()
export class WorkflowQueue extends QueueProducer<'next-attempt'> {
  constructor(@Inject(VERIFY_CONFIG) config: VerifyConfig) {
    super(workflowSpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  async afterAttempt(sessionUuid: string, sequence: number, workflow: Workflow | null, apiId?: string): Promise<void> {
    const wait = workflow?.[sequence - 1]?.wait;
    if (!wait || !workflow?.[sequence]) return;
    const job: WorkflowJob = { session_uuid: sessionUuid, after_sequence: sequence, api_id: apiId };
    await this.addOrDefer('next-attempt', job, { jobId: `${sessionUuid}-${sequence}`, delay: wait * 1000 });
  }
}
