import { Module } from '@nestjs/common';
import { AuthModule } from '@nexus/auth';
import { CoreModule } from '@nexus/core';
import { FeedModule } from '@nexus/feed';
import { PollsModule } from '@nexus/polls';
import { FeedProcessor } from './feed/feed.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceScheduler } from './maintenance/maintenance.scheduler';
import { PollLifecycleProcessor } from './polls/poll-lifecycle.processor';
import { SystemProcessor } from './system/system.processor';

/** BullMQ processors only: no HTTP. Each processor parses its job and calls a domain service. */
@Module({
  imports: [CoreModule, AuthModule, PollsModule, FeedModule],
  providers: [
    FeedProcessor,
    SystemProcessor,
    MaintenanceProcessor,
    MaintenanceScheduler,
    PollLifecycleProcessor,
  ],
})
export class WorkerModule {}
