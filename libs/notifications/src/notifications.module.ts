import { Module } from '@nestjs/common';
import { NotificationsProducer } from './notifications.producer';

/** The producer side of notifications (queues come from the global QueueModule). */
@Module({
  providers: [NotificationsProducer],
  exports: [NotificationsProducer],
})
export class NotificationsModule {}
