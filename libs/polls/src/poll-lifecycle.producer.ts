import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';
import { POLL_JOBS, PollJobData, pollJobId, PollJobName } from './poll-lifecycle-jobs';

/** Delayed open/close jobs. Status never depends on them; they drive the side effects. */
@Injectable()
export class PollLifecycleProducer {
  constructor(@InjectQueue(QUEUES.polls) private readonly queue: Queue<PollJobData>) {}

  async schedule(poll: {
    id: string;
    startsAt: Date | null;
    expiresAt: Date | null;
  }): Promise<void> {
    const now = Date.now();
    const jobs: { name: PollJobName; at: Date }[] = [];
    if (poll.startsAt) jobs.push({ name: POLL_JOBS.open, at: poll.startsAt });
    if (poll.expiresAt) jobs.push({ name: POLL_JOBS.close, at: poll.expiresAt });
    if (!jobs.length) return;
    await this.queue.addBulk(
      jobs.map(({ name, at }) => ({
        name,
        data: { pollId: poll.id },
        opts: { jobId: pollJobId(name, poll.id), delay: Math.max(0, at.getTime() - now) },
      })),
    );
  }

  /** For a deleted poll. A job already running finds no row and does nothing. */
  async cancel(pollId: string): Promise<void> {
    for (const name of Object.values(POLL_JOBS)) await this.queue.remove(pollJobId(name, pollId));
  }
}
