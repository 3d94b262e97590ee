import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MAINTENANCE_JOBS, QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';

const MINUTE = 60_000;

const SCHEDULES: Record<string, number> = {
  [MAINTENANCE_JOBS.purgeRefreshTokens]: 60 * MINUTE,
  [MAINTENANCE_JOBS.trimTimelines]: 10 * MINUTE,
  [MAINTENANCE_JOBS.cleanQueues]: 15 * MINUTE,
  [MAINTENANCE_JOBS.pruneAnalyticsEvents]: 60 * MINUTE,
};

/** Job schedulers are upserted by id: any number of workers starting keeps exactly one schedule. */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, every] of Object.entries(SCHEDULES)) {
      await this.queue.upsertJobScheduler(name, { every }, { name });
    }
  }
}
