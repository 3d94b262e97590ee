import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationRecorder } from './notification-recorder';
import { NotificationsProducer } from './notifications.producer';
import { NotificationsService } from './notifications.service';

/** Producing (outbox), recording (worker) and reading (API) notifications. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [NotificationsProducer, NotificationRecorder, NotificationsService],
  exports: [NotificationsProducer, NotificationRecorder, NotificationsService],
})
export class NotificationsModule {}
