import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@nexus/analytics';
import { AuthModule } from '@nexus/auth';
import { CoreModule, OutboxRelayLoop } from '@nexus/core';
import { FeedModule } from '@nexus/feed';
import { NotificationsModule } from '@nexus/notifications';
import { PollsModule } from '@nexus/polls';
import { AnalyticsProcessor } from './analytics/analytics.processor';
import { AnalyticsScheduler } from './analytics/analytics.scheduler';
import { FeedProcessor } from './feed/feed.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceScheduler } from './maintenance/maintenance.scheduler';
import { QueueJanitor } from './maintenance/queue-janitor';
import { TimelineTrimmer } from './maintenance/timeline-trimmer';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { PollLifecycleProcessor } from './polls/poll-lifecycle.processor';
import { JobMetricsRecorder } from './runtime/job-metrics.recorder';
import { WorkerHttpServer } from './runtime/worker-http.server';
import { SystemProcessor } from './system/system.processor';

/** BullMQ processors only: no HTTP. Each processor parses its job and calls a domain service. */
@Module({
  imports: [CoreModule, AuthModule, PollsModule, FeedModule, NotificationsModule, AnalyticsModule],
  providers: [
    FeedProcessor,
    SystemProcessor,
    MaintenanceProcessor,
    MaintenanceScheduler,
    TimelineTrimmer,
    QueueJanitor,
    PollLifecycleProcessor,
    NotificationsProcessor,
    AnalyticsProcessor,
    AnalyticsScheduler,
    OutboxRelayLoop,
    JobMetricsRecorder,
    WorkerHttpServer,
  ],
})
export class WorkerModule {}
