import { Injectable } from '@nestjs/common';
import { Page, PageRequest, toPage, ValidationFailedError } from '@nexus/core';
import { DataSource } from 'typeorm';
import { NotificationView, toNotificationView } from './notification-view';
import { countUnread, markRead, selectNotificationPage } from './notifications.queries';

/** Either some ids or everything. */
export interface MarkReadRequest {
  ids?: string[];
  all?: boolean;
}

export interface MarkReadResult {
  /** Notifications that went from unread to read. */
  updated: number;
  unreadCount: number;
}

/** The reader side: a viewer's own notifications, newest first. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  async list(
    viewerId: string,
    page: PageRequest,
    unreadOnly = false,
  ): Promise<Page<NotificationView>> {
    const rows = await selectNotificationPage(
      this.db.manager,
      viewerId,
      page.after,
      unreadOnly,
      page.first + 1,
    );
    return toPage(rows.map(toNotificationView), page.first);
  }

  unreadCount(viewerId: string): Promise<number> {
    return countUnread(this.db.manager, viewerId);
  }

  async markRead(viewerId: string, request: MarkReadRequest): Promise<MarkReadResult> {
    const hasIds = request.ids !== undefined && request.ids !== null;
    if (hasIds === (request.all === true)) {
      throw new ValidationFailedError([
        { field: 'ids', messages: ['send either ids (a non-empty list) or all: true'] },
      ]);
    }
    const updated = await markRead(this.db.manager, viewerId, hasIds ? request.ids! : null);
    return { updated, unreadCount: await this.unreadCount(viewerId) };
  }
}
