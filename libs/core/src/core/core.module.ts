import { Global, Module } from '@nestjs/common';
import { CoreConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ReadinessService } from '../health/readiness.service';
import { LoggingModule } from '../logging/logging.module';
import { Metrics } from '../metrics/metrics';
import { EventBus } from '../pubsub/event-bus';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { QueueModule } from '../queue/queue.module';
import { RedisModule } from '../redis/redis.module';
import { SystemPingService } from '../system/system-ping.service';

/** Infrastructure both apps stand on: config, logs, PostgreSQL, Redis, queues, metrics, events. */
@Global()
@Module({
  imports: [CoreConfigModule, LoggingModule, DatabaseModule, RedisModule, QueueModule],
  providers: [Metrics, EventBus, ReadinessService, SystemPingService, OutboxWriter, OutboxRelay],
  exports: [
    Metrics,
    EventBus,
    ReadinessService,
    SystemPingService,
    OutboxWriter,
    OutboxRelay,
    QueueModule,
    RedisModule,
  ],
})
export class CoreModule {}
