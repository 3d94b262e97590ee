import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import { POLL_JOBS, PollJobData, PollLifecycleService } from '@nexus/polls';
import { Job } from 'bullmq';
import { workerOptions } from '../runtime/worker-options';

/** Delayed open/close jobs. The service re-checks the row, so late or repeated jobs are no-ops. */
@Processor(QUEUES.polls, workerOptions())
export class PollLifecycleProcessor extends WorkerHost {
  constructor(private readonly lifecycle: PollLifecycleService) {
    super();
  }

  async process(job: Job<PollJobData>): Promise<{ changed: boolean }> {
    if (job.name === POLL_JOBS.close)
      return { changed: await this.lifecycle.closeExpired(job.data.pollId) };
    if (job.name === POLL_JOBS.open)
      return { changed: await this.lifecycle.opened(job.data.pollId) };
    throw new Error(`Unknown polls job ${job.name}`);
  }
}
