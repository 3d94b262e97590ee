import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import { NotificationsService } from '@nexus/notifications';
import { ApiErrors } from '../common/api-errors.decorator';
import { ListNotificationsInput } from './list-notifications.input';
import { MarkNotificationsReadInput } from './mark-notifications-read.input';
import {
  MarkNotificationsReadResultModel,
  NotificationPageModel,
  UnreadCountModel,
} from './notification.model';

@ApiTags('notifications')
@ApiBearerAuth('bearer')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first; `unreadOnly=true` leaves out read ones. */
  @Get()
  @ApiErrors(400, 401)
  list(
    @CurrentUser() viewer: AuthUser,
    @Query() query: ListNotificationsInput,
  ): Promise<NotificationPageModel> {
    return this.notifications.list(viewer.id, query.toPageRequest(), query.unreadOnly);
  }

  /** How many of the caller's notifications are unread. */
  @Get('unread-count')
  @ApiErrors(401)
  async unreadCount(@CurrentUser() viewer: AuthUser): Promise<UnreadCountModel> {
    return { unreadCount: await this.notifications.unreadCount(viewer.id) };
  }

  /** Marks `ids` (the caller's own; others are ignored) or `all: true` as read. */
  @Post('read')
  @HttpCode(200)
  @ApiErrors(400, 401)
  markRead(
    @CurrentUser() viewer: AuthUser,
    @Body() input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadResultModel> {
    return this.notifications.markRead(viewer.id, input);
  }
}
