import { Injectable } from '@nestjs/common';
import { EventBus } from '@nexus/core';
import { DataSource } from 'typeorm';
import { notificationAddedTopic } from './notification-events';
import { notificationDedupeKey, NotifyJobData } from './notification-jobs';
import { NotificationView, toNotificationView } from './notification-view';
import { insertNotification } from './notifications.queries';

/** The worker side: store one notification (at most once) and tell the recipient's sessions. */
@Injectable()
export class NotificationRecorder {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventBus,
  ) {}

  /** The stored notification, or null when it existed already or must not be sent. */
  async record(job: NotifyJobData): Promise<NotificationView | null> {
    const row = await insertNotification(this.db.manager, {
      recipientId: job.recipientId,
      type: job.type,
      actorId: job.actorId ?? null,
      postId: job.postId ?? null,
      pollId: job.pollId ?? null,
      commentId: job.commentId ?? null,
      dedupeKey: notificationDedupeKey(job),
    });
    if (!row) return null;
    const view = toNotificationView(row);
    // Only the insert that created the row publishes, so a retry cannot push it twice.
    await this.events.publish(notificationAddedTopic(view.recipientId), view);
    return view;
  }
}
