import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MAINTENANCE_JOBS, QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';

/** Job schedulers are upserted by id: any number of workers starting keeps exactly one schedule. */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MAINTENANCE_JOBS.purgeRefreshTokens,
      { every: 60 * 60 * 1000 },
      { name: MAINTENANCE_JOBS.purgeRefreshTokens },
    );
  }
}
