import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { OutboxEntry, OutboxWriter, QUEUES } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { Queue } from 'bullmq';
import { POLL_JOBS, PollJobData, pollJobId, PollJobName } from './poll-lifecycle-jobs';

/** Delayed open/close jobs. Status never depends on them; they drive the side effects. */
@Injectable()
export class PollLifecycleProducer {
  constructor(
    @InjectQueue(QUEUES.polls) private readonly queue: Queue<PollJobData>,
    private readonly outbox: OutboxWriter,
  ) {}

  /** In the create transaction (outbox): the jobs exist exactly when the poll does. */
  schedule(
    tx: EntityManager,
    poll: { id: string; startsAt: Date | null; expiresAt: Date | null },
  ): Promise<OutboxEntry[]> {
    const jobs: { name: PollJobName; at: Date }[] = [];
    if (poll.startsAt) jobs.push({ name: POLL_JOBS.open, at: poll.startsAt });
    if (poll.expiresAt) jobs.push({ name: POLL_JOBS.close, at: poll.expiresAt });
    return this.outbox.add(
      tx,
      jobs.map(({ name, at }) => ({
        queue: QUEUES.polls,
        name,
        jobId: pollJobId(name, poll.id),
        data: { pollId: poll.id },
        runAt: at,
      })),
    );
  }

  /** For a deleted poll. A job already running finds no row and does nothing. */
  async cancel(pollId: string): Promise<void> {
    for (const name of Object.values(POLL_JOBS)) await this.queue.remove(pollJobId(name, pollId));
  }
}
