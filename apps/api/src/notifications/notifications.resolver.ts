import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import { EventBus, withFreshLoaders } from '@nexus/core';
import {
  notificationAddedTopic,
  NotificationsService,
  NotificationView,
} from '@nexus/notifications';
import type { Page } from '@nexus/core';
import { ListNotificationsInput } from './list-notifications.input';
import { MarkNotificationsReadInput } from './mark-notifications-read.input';
import {
  MarkNotificationsReadResultModel,
  NotificationModel,
  NotificationPageModel,
} from './notification.model';

/** The caller's own notifications; every operation needs a token. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly events: EventBus,
  ) {}

  @Query(() => NotificationPageModel, { description: "The caller's notifications, newest first" })
  notifications(
    @CurrentUser() viewer: AuthUser,
    @Args() args: ListNotificationsInput,
  ): Promise<Page<NotificationView>> {
    return this.service.list(viewer.id, args.toPageRequest(), args.unreadOnly);
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread" })
  unreadCount(@CurrentUser() viewer: AuthUser): Promise<number> {
    return this.service.unreadCount(viewer.id);
  }

  @Mutation(() => MarkNotificationsReadResultModel)
  markNotificationsRead(
    @CurrentUser() viewer: AuthUser,
    @Args('input') input: MarkNotificationsReadInput,
  ) {
    return this.service.markRead(viewer.id, input);
  }

  @Subscription(() => NotificationModel, {
    description: "Each new notification of the caller, from whichever instance's worker stored it",
    resolve: withFreshLoaders<NotificationView>,
  })
  notificationAdded(@CurrentUser() viewer: AuthUser): AsyncIterableIterator<NotificationView> {
    return this.events.subscribe<NotificationView>(notificationAddedTopic(viewer.id));
  }
}
