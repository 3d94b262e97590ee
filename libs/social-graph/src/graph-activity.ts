import { Injectable, Logger } from '@nestjs/common';
import { FeedProducer, FeedSettings } from '@nexus/feed';
import { NotificationsProducer } from '@nexus/notifications';
import { DeletedFollow } from './social-graph.queries';

/**
 * What happens after a follow change commits: the followee's notification and the timeline
 * work. The database is already right, so a Redis failure here is logged, not returned.
 */
@Injectable()
export class GraphActivity {
  private readonly logger = new Logger(GraphActivity.name);

  constructor(
    private readonly feed: FeedProducer,
    private readonly notifications: NotificationsProducer,
    private readonly settings: FeedSettings,
  ) {}

  followed(followerId: string, followeeId: string, seq: string): Promise<void> {
    return this.settle([
      this.feed.followed(followerId, followeeId, seq),
      this.notifications.notify([
        { type: 'NEW_FOLLOWER', recipientId: followeeId, actorId: followerId },
      ]),
    ]);
  }

  /** An author who crossed below the celebrity threshold is fanned out again from now on. */
  followsRemoved(removed: DeletedFollow[]): Promise<void> {
    if (removed.length === 0) return Promise.resolve();
    const demoted = removed.filter(
      (f) =>
        this.settings.isCelebrity(f.followeeFollowers + 1) &&
        !this.settings.isCelebrity(f.followeeFollowers),
    );
    return this.settle([this.feed.followsRemoved(removed, demoted)]);
  }

  private async settle(effects: Promise<void>[]): Promise<void> {
    for (const result of await Promise.allSettled(effects)) {
      if (result.status === 'rejected') {
        this.logger.warn(`Social graph side effect failed: ${(result.reason as Error).message}`);
      }
    }
  }
}
