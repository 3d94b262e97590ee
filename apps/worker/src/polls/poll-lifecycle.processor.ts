import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InvalidJobPayloadError, JOB_ID_PATTERN, QUEUES } from '@nexus/core';
import { POLL_JOBS, PollLifecycleService } from '@nexus/polls';
import { Job, UnrecoverableError } from 'bullmq';
import { workerOptions } from '../runtime/worker-options';

function pollIdOf(data: unknown): string {
  const pollId = (data as { pollId?: unknown } | null)?.pollId;
  if (typeof pollId !== 'string' || !JOB_ID_PATTERN.test(pollId)) {
    throw new InvalidJobPayloadError('polls', 'pollId must be a numeric id string');
  }
  return pollId;
}

/** Delayed open/close jobs. The service re-checks the row, so late or repeated jobs are no-ops. */
@Processor(QUEUES.polls, workerOptions())
export class PollLifecycleProcessor extends WorkerHost {
  constructor(private readonly lifecycle: PollLifecycleService) {
    super();
  }

  async process(job: Job<unknown>): Promise<{ changed: boolean }> {
    if (job.name === POLL_JOBS.close)
      return { changed: await this.lifecycle.closeExpired(pollIdOf(job.data)) };
    if (job.name === POLL_JOBS.open)
      return { changed: await this.lifecycle.opened(pollIdOf(job.data)) };
    throw new UnrecoverableError(`Unknown polls job ${job.name}`);
  }
}
