import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';
import { NOTIFY_JOB, NotifyJobData, notifyJobId } from './notification-jobs';

const BULK_CHUNK = 500;

/** Enqueues notifications; never waits for delivery. Self-notifications are dropped here. */
@Injectable()
export class NotificationsProducer {
  constructor(@InjectQueue(QUEUES.notifications) private readonly queue: Queue<NotifyJobData>) {}

  async notify(jobs: NotifyJobData[]): Promise<void> {
    const wanted = jobs.filter((job) => job.recipientId !== job.actorId);
    for (let i = 0; i < wanted.length; i += BULK_CHUNK) {
      await this.queue.addBulk(
        wanted.slice(i, i + BULK_CHUNK).map((data) => ({
          name: NOTIFY_JOB,
          data,
          opts: { jobId: notifyJobId(data) },
        })),
      );
    }
  }
}
