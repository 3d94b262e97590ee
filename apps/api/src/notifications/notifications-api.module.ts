import { Module } from '@nestjs/common';
import { NotificationsModule } from '@nexus/notifications';
import { NotificationsController } from './notifications.controller';
import { NotificationsResolver } from './notifications.resolver';

/** Notifications over REST, GraphQL and graphql-ws; guards come from AuthApiModule (global). */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsResolver],
})
export class NotificationsApiModule {}
