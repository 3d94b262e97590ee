import { Injectable, Logger } from '@nestjs/common';
import { AnalyticsEventData, AnalyticsProducer } from '@nexus/analytics';
import { EventBus } from '@nexus/core';
import { FeedProducer } from '@nexus/feed';
import { NotifyJobData, NotificationsProducer } from '@nexus/notifications';
import { PostInteractionEvent, PostInteractionType, postInteractionTopic } from './post-events';
import { CommentRecord, PostRecord, ShareRecord } from './post-record';

/**
 * What happens after an interaction commits: the live event, the author's notification and the
 * analytics event. The database is already right, so a Redis hiccup here is logged, not thrown.
 */
@Injectable()
export class PostActivity {
  private readonly logger = new Logger(PostActivity.name);

  constructor(
    private readonly events: EventBus,
    private readonly notifications: NotificationsProducer,
    private readonly analytics: AnalyticsProducer,
    private readonly feed: FeedProducer,
  ) {}

  created(post: PostRecord): Promise<void> {
    return this.settle([
      this.feed.postCreated(post),
      this.record('post.created', post.id, post.authorId, post.createdAt),
    ]);
  }

  deleted(post: { id: string; authorId: string }): Promise<void> {
    return this.settle([this.feed.postDeleted(post)]);
  }

  liked(post: PostRecord, actorId: string, likedAt: Date): Promise<void> {
    return this.settle([
      this.publish('LIKE', post, actorId),
      this.notify({ type: 'POST_LIKED', recipientId: post.authorId, actorId, postId: post.id }),
      this.record('post.liked', post.id, actorId, likedAt),
    ]);
  }

  unliked(post: PostRecord, actorId: string, likedAt: Date): Promise<void> {
    return this.settle([
      this.publish('UNLIKE', post, actorId),
      this.record('post.unliked', post.id, actorId, likedAt),
    ]);
  }

  commented(post: PostRecord, comment: CommentRecord): Promise<void> {
    const actorId = comment.authorId;
    return this.settle([
      this.publish('COMMENT', post, actorId),
      this.notify({
        type: 'POST_COMMENTED',
        recipientId: post.authorId,
        actorId,
        postId: post.id,
        commentId: comment.id,
      }),
      this.record('post.commented', post.id, actorId, comment.createdAt, comment.id),
    ]);
  }

  shared(post: PostRecord, share: ShareRecord): Promise<void> {
    const actorId = share.userId;
    return this.settle([
      this.publish('SHARE', post, actorId),
      this.notify({ type: 'POST_SHARED', recipientId: post.authorId, actorId, postId: post.id }),
      this.record('post.shared', post.id, actorId, share.createdAt, share.id),
    ]);
  }

  private publish(type: PostInteractionType, post: PostRecord, actorId: string) {
    const event: PostInteractionEvent = { type, actorId, post };
    return this.events.publish(postInteractionTopic(post.id), event);
  }

  private notify(job: NotifyJobData) {
    return this.notifications.notify([job]);
  }

  private record(
    type: AnalyticsEventData['type'],
    postId: string,
    actorId: string,
    at: Date,
    subjectId?: string,
  ) {
    return this.analytics.record({
      type,
      postId,
      actorId,
      occurredAt: at.toISOString(),
      subjectId,
    });
  }

  private async settle(effects: Promise<void>[]): Promise<void> {
    for (const result of await Promise.allSettled(effects)) {
      if (result.status === 'rejected') {
        this.logger.warn(`Post side effect failed: ${(result.reason as Error).message}`);
      }
    }
  }
}
