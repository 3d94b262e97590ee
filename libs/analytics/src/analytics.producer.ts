import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';
import { ANALYTICS_EVENT_JOB, AnalyticsEventData, analyticsJobId } from './analytics-jobs';

/** Enqueues analytics events; the request never waits for their processing. */
@Injectable()
export class AnalyticsProducer {
  constructor(@InjectQueue(QUEUES.analytics) private readonly queue: Queue<AnalyticsEventData>) {}

  async record(event: AnalyticsEventData): Promise<void> {
    await this.queue.add(ANALYTICS_EVENT_JOB, event, { jobId: analyticsJobId(event) });
  }
}
