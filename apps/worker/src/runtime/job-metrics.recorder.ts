import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Metrics } from '@nexus/core';
import { Job } from 'bullmq';
import { AnalyticsProcessor } from '../analytics/analytics.processor';
import { FeedProcessor } from '../feed/feed.processor';
import { MaintenanceProcessor } from '../maintenance/maintenance.processor';
import { NotificationsProcessor } from '../notifications/notifications.processor';
import { PollLifecycleProcessor } from '../polls/poll-lifecycle.processor';
import { SystemProcessor } from '../system/system.processor';

const PROCESSORS = [
  FeedProcessor,
  SystemProcessor,
  MaintenanceProcessor,
  PollLifecycleProcessor,
  NotificationsProcessor,
  AnalyticsProcessor,
];

function seconds(job: Job): number | undefined {
  return job.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : undefined;
}

/**
 * This worker's job durations and failures on its own /metrics, and one log line per failed
 * attempt (type and message only, never the payload or a stack).
 */
@Injectable()
export class JobMetricsRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    for (const type of PROCESSORS) {
      const worker = this.moduleRef.get<WorkerHost>(type, { strict: false }).worker;
      worker.on('completed', (job) => {
        const took = seconds(job);
        if (took !== undefined)
          this.metrics.jobDuration.observe(
            { queue: worker.name, name: job.name, outcome: 'completed' },
            took,
          );
      });
      worker.on('failed', (job, err) => {
        if (!job) return;
        this.metrics.jobAttemptFailures.inc({ queue: worker.name, name: job.name });
        const took = seconds(job);
        if (took !== undefined)
          this.metrics.jobDuration.observe(
            { queue: worker.name, name: job.name, outcome: 'failed' },
            took,
          );
        this.logger.warn(
          `Job ${worker.name}/${job.name} ${job.id} failed (attempt ${job.attemptsMade}/${job.opts.attempts ?? 1}): ${err.name}: ${err.message.slice(0, 300)}`,
        );
      });
      worker.on('error', (err) => this.logger.warn(`Worker ${worker.name}: ${err.message}`));
    }
  }
}
