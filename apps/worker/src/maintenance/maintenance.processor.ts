import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { pruneProcessedEvents } from '@nexus/analytics';
import { TokensService } from '@nexus/auth';
import { MAINTENANCE_JOBS, QUEUES } from '@nexus/core';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { workerOptions } from '../runtime/worker-options';
import { QueueJanitor } from './queue-janitor';
import { TimelineTrimmer } from './timeline-trimmer';

/** Housekeeping. Each job is set-based: running it twice changes nothing more. */
@Processor(QUEUES.maintenance, workerOptions())
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly tokens: TokensService,
    private readonly timelines: TimelineTrimmer,
    private readonly janitor: QueueJanitor,
    private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job): Promise<object> {
    switch (job.name) {
      case MAINTENANCE_JOBS.purgeRefreshTokens: {
        const deleted = await this.tokens.deleteExpired();
        if (deleted) this.logger.log(`Deleted ${deleted} expired or revoked refresh tokens`);
        return { deleted };
      }
      case MAINTENANCE_JOBS.trimTimelines:
        return { removed: await this.timelines.trim() };
      case MAINTENANCE_JOBS.cleanQueues:
        return { removed: await this.janitor.clean() };
      case MAINTENANCE_JOBS.pruneAnalyticsEvents:
        return { deleted: await pruneProcessedEvents(this.db.manager) };
      default:
        throw new UnrecoverableError(`Unknown maintenance job ${job.name}`);
    }
  }
}
