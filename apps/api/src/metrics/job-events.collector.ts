import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { allQueues, Metrics } from '@nexus/core';
import { Queue, QueueEvents } from 'bullmq';

/**
 * `queue_job_duration_seconds` and `queue_jobs_failed_total` on the API's /metrics, from
 * BullMQ's event stream, so they cover every worker process. Each finished job costs one HGETALL
 * (its timestamps) per API instance; jobs removed on completion are skipped.
 */
@Injectable()
export class JobEventsCollector implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('JobEvents');
  private events: QueueEvents[] = [];

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const queue of allQueues(this.moduleRef)) {
      const events = new QueueEvents(queue.name, {
        connection: (await queue.client).options,
        prefix: queue.opts.prefix,
      });
      events.on('error', (err) => this.logger.warn(`QueueEvents ${queue.name}: ${err.message}`));
      events.on('completed', ({ jobId }) => void this.observe(queue, jobId, 'completed'));
      events.on('failed', ({ jobId }) => void this.observe(queue, jobId, 'failed'));
      this.events.push(events);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.events.map((e) => e.close()));
  }

  private async observe(queue: Queue, jobId: string, outcome: 'completed' | 'failed') {
    try {
      const job = await queue.getJob(jobId);
      const name = job?.name ?? 'unknown';
      if (outcome === 'failed') this.metrics.jobFailures.inc({ queue: queue.name, name });
      if (job?.processedOn && job.finishedOn) {
        this.metrics.jobDuration.observe(
          { queue: queue.name, name, outcome },
          (job.finishedOn - job.processedOn) / 1000,
        );
      }
    } catch (err) {
      this.logger.debug(`Job ${queue.name}/${jobId} not observed: ${(err as Error).message}`);
    }
  }
}
