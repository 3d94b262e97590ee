import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ANALYTICS_JOBS } from '@nexus/analytics';
import { Environment, QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';

/**
 * BullMQ job schedulers, upserted by id: however many workers start, each interval produces one
 * job (the scheduler adds the next run when the current one is taken), processed by one worker.
 */
@Injectable()
export class AnalyticsScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.analytics) private readonly queue: Queue,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ANALYTICS_JOBS.flushViews,
      { every: this.env.ANALYTICS_FLUSH_INTERVAL_MS },
      { name: ANALYTICS_JOBS.flushViews, opts: { attempts: 3 } },
    );
    await this.queue.upsertJobScheduler(
      ANALYTICS_JOBS.refreshTrending,
      { every: this.env.TRENDING_INTERVAL_MS },
      { name: ANALYTICS_JOBS.refreshTrending, opts: { attempts: 2 } },
    );
  }
}
