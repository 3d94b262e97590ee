import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  ANALYTICS_JOBS,
  AnalyticsRecorder,
  parseAnalyticsEvent,
  TrendingService,
  ViewFlusher,
} from '@nexus/analytics';
import { QUEUES } from '@nexus/core';
import { Job, UnrecoverableError } from 'bullmq';
import { workerOptions } from '../runtime/worker-options';

/** Interaction events (counted once each), the view flush and the trending refresh. */
@Processor(QUEUES.analytics, workerOptions())
export class AnalyticsProcessor extends WorkerHost {
  constructor(
    private readonly recorder: AnalyticsRecorder,
    private readonly views: ViewFlusher,
    private readonly trending: TrendingService,
  ) {
    super();
  }

  async process(job: Job<unknown>): Promise<object> {
    switch (job.name) {
      case ANALYTICS_JOBS.event:
        return { counted: await this.recorder.apply(parseAnalyticsEvent(job.data)) };
      case ANALYTICS_JOBS.flushViews:
        return { views: await this.views.flush() };
      case ANALYTICS_JOBS.refreshTrending:
        return { posts: await this.trending.refresh(), processedBy: process.pid };
      default:
        throw new UnrecoverableError(`Unknown analytics job ${job.name}`);
    }
  }
}
