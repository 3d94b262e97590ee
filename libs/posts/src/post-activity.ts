import { Injectable, Logger } from '@nestjs/common';
import { AnalyticsEventData, AnalyticsProducer } from '@nexus/analytics';
import { EventBus, OutboxEntry, OutboxRelay } from '@nexus/core';
import { FeedProducer } from '@nexus/feed';
import { NotifyJobData, NotificationsProducer } from '@nexus/notifications';
import { EntityManager } from 'typeorm';
import { PostInteractionEvent, PostInteractionType, postInteractionTopic } from './post-events';
import { CommentRecord, PostRecord, ShareRecord } from './post-record';

/** What an interaction leaves to do once its transaction has committed. */
export interface PostEffects {
  live?: { topic: string; event: PostInteractionEvent };
  jobs: OutboxEntry[];
  /** Best-effort extras after commit (the author's own timeline). */
  afterCommit?: (() => Promise<void>)[];
}

/**
 * The side effects of an interaction. Inside the transaction, the author's notification and the
 * analytics event are recorded in the outbox, so they exist exactly when the write commits.
 * After commit, `release` publishes the live event and hands the jobs to BullMQ; a Redis outage
 * there is logged, and the outbox relay delivers the jobs when Redis is back.
 */
@Injectable()
export class PostActivity {
  private readonly logger = new Logger(PostActivity.name);

  constructor(
    private readonly events: EventBus,
    private readonly notifications: NotificationsProducer,
    private readonly analytics: AnalyticsProducer,
    private readonly relay: OutboxRelay,
    private readonly feed: FeedProducer,
  ) {}

  async created(tx: EntityManager, post: PostRecord): Promise<PostEffects> {
    return {
      jobs: [
        ...(await this.feed.postCreated(tx, post)),
        ...(await this.record(tx, 'post.created', post.id, post.authorId, post.createdAt)),
      ],
      afterCommit: [() => this.feed.pushToAuthor(post)],
    };
  }

  async deleted(tx: EntityManager, post: { id: string; authorId: string }): Promise<PostEffects> {
    return { jobs: await this.feed.postDeleted(tx, post) };
  }

  async liked(tx: EntityManager, post: PostRecord, actorId: string, likedAt: Date) {
    return this.effects('LIKE', post, actorId, [
      ...(await this.notify(tx, {
        type: 'POST_LIKED',
        recipientId: post.authorId,
        actorId,
        postId: post.id,
      })),
      ...(await this.record(tx, 'post.liked', post.id, actorId, likedAt)),
    ]);
  }

  async unliked(tx: EntityManager, post: PostRecord, actorId: string, likedAt: Date) {
    return this.effects(
      'UNLIKE',
      post,
      actorId,
      await this.record(tx, 'post.unliked', post.id, actorId, likedAt),
    );
  }

  async commented(tx: EntityManager, post: PostRecord, comment: CommentRecord) {
    const actorId = comment.authorId;
    return this.effects('COMMENT', post, actorId, [
      ...(await this.notify(tx, {
        type: 'POST_COMMENTED',
        recipientId: post.authorId,
        actorId,
        postId: post.id,
        commentId: comment.id,
      })),
      ...(await this.record(tx, 'post.commented', post.id, actorId, comment.createdAt, comment.id)),
    ]);
  }

  async shared(tx: EntityManager, post: PostRecord, share: ShareRecord) {
    const actorId = share.userId;
    return this.effects('SHARE', post, actorId, [
      ...(await this.notify(tx, {
        type: 'POST_SHARED',
        recipientId: post.authorId,
        actorId,
        postId: post.id,
      })),
      ...(await this.record(tx, 'post.shared', post.id, actorId, share.createdAt, share.id)),
    ]);
  }

  /** After commit: never throws (the database is already right). */
  async release(effects: PostEffects): Promise<void> {
    const publish = effects.live
      ? this.events.publish(effects.live.topic, effects.live.event)
      : Promise.resolve();
    const extras = (effects.afterCommit ?? []).map((effect) => effect());
    const results = await Promise.allSettled([
      publish,
      this.relay.deliver(effects.jobs),
      ...extras,
    ]);
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.warn(`Post side effect failed: ${(result.reason as Error).message}`);
      }
    }
  }

  private effects(
    type: PostInteractionType,
    post: PostRecord,
    actorId: string,
    jobs: OutboxEntry[],
  ): PostEffects {
    return { live: { topic: postInteractionTopic(post.id), event: { type, actorId, post } }, jobs };
  }

  private notify(tx: EntityManager, job: NotifyJobData) {
    return this.notifications.notify(tx, [job]);
  }

  private record(
    tx: EntityManager,
    type: AnalyticsEventData['type'],
    postId: string,
    actorId: string,
    at: Date,
    subjectId?: string,
  ) {
    return this.analytics.record(tx, [
      { type, postId, actorId, occurredAt: at.toISOString(), subjectId },
    ]);
  }
}
