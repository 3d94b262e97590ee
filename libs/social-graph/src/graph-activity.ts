import { Injectable } from '@nestjs/common';
import { OutboxEntry, OutboxRelay } from '@nexus/core';
import { FeedProducer, FeedSettings } from '@nexus/feed';
import { NotificationsProducer } from '@nexus/notifications';
import { EntityManager } from 'typeorm';
import { DeletedFollow } from './social-graph.queries';

/**
 * The side effects of a follow change: the followee's notification and the timeline work,
 * recorded in the change's own transaction (outbox) and released to BullMQ after commit; a Redis
 * outage there delays them (the outbox relay delivers them later), it never loses them.
 */
@Injectable()
export class GraphActivity {
  constructor(
    private readonly feed: FeedProducer,
    private readonly notifications: NotificationsProducer,
    private readonly settings: FeedSettings,
    private readonly relay: OutboxRelay,
  ) {}

  /** In the follow's transaction. */
  async followed(
    tx: EntityManager,
    followerId: string,
    followeeId: string,
    seq: string,
  ): Promise<OutboxEntry[]> {
    return [
      ...(await this.feed.followed(tx, followerId, followeeId, seq)),
      ...(await this.notifications.notify(tx, [
        { type: 'USER_FOLLOWED', recipientId: followeeId, actorId: followerId },
      ])),
    ];
  }

  /**
   * In the unfollow's or block's transaction. An author who crossed below the celebrity
   * threshold is fanned out again from now on.
   */
  async followsRemoved(tx: EntityManager, removed: DeletedFollow[]): Promise<OutboxEntry[]> {
    if (removed.length === 0) return [];
    const demoted = removed.filter(
      (f) =>
        this.settings.isCelebrity(f.followeeFollowers + 1) &&
        !this.settings.isCelebrity(f.followeeFollowers),
    );
    return this.feed.followsRemoved(tx, removed, demoted);
  }

  /** After commit: never throws. */
  release(jobs: OutboxEntry[]): Promise<void> {
    return this.relay.deliver(jobs);
  }
}
