import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { TokensService } from '@nexus/auth';
import { MAINTENANCE_JOBS, QUEUES } from '@nexus/core';
import { Job } from 'bullmq';

/** Housekeeping. Each job is a set-based delete: running it twice changes nothing more. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly tokens: TokensService) {
    super();
  }

  async process(job: Job): Promise<{ deleted: number }> {
    if (job.name !== MAINTENANCE_JOBS.purgeRefreshTokens)
      throw new Error(`Unknown maintenance job ${job.name}`);
    const deleted = await this.tokens.deleteExpired();
    if (deleted) this.logger.log(`Deleted ${deleted} expired or revoked refresh tokens`);
    return { deleted };
  }
}
