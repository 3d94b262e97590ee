import { Module } from '@nestjs/common';
import { AnalyticsProducer } from './analytics.producer';

/** The producer side of analytics (queues come from the global QueueModule). */
@Module({
  providers: [AnalyticsProducer],
  exports: [AnalyticsProducer],
})
export class AnalyticsModule {}
