import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import { NOTIFY_JOB, NotificationRecorder, parseNotifyJob } from '@nexus/notifications';
import { Job, UnrecoverableError } from 'bullmq';
import { workerOptions } from '../runtime/worker-options';

/** One notification per job; the unique key makes a retry or duplicate write nothing. */
@Processor(QUEUES.notifications, workerOptions())
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly recorder: NotificationRecorder) {
    super();
  }

  async process(job: Job<unknown>): Promise<{ notificationId: string | null }> {
    if (job.name !== NOTIFY_JOB)
      throw new UnrecoverableError(`Unknown notifications job ${job.name}`);
    const created = await this.recorder.record(parseNotifyJob(job.data));
    return { notificationId: created?.id ?? null };
  }
}
