import { Injectable } from '@nestjs/common';
import { Environment } from '@nexus/core';

/** Timeline sizes and thresholds, from the environment, in one place. */
@Injectable()
export class FeedSettings {
  /** Post ids kept per timeline (DESIGN §5: 800). */
  readonly timelineCap: number;
  /** A timeline unread this long expires; well inside the 14-day activity window below. */
  readonly timelineTtlSeconds = 7 * 24 * 3600;
  /** Fan-out pushes to followers whose feed was read (or rebuilt) this recently. */
  readonly activeDays = 14;
  /** last_active_at is written at most this often per user. */
  readonly activityGateSeconds = 3600;
  readonly celebrityThreshold: number;
  readonly fanoutBatch: number;

  constructor(env: Environment) {
    this.celebrityThreshold = env.FEED_CELEBRITY_THRESHOLD;
    this.fanoutBatch = env.FEED_FANOUT_BATCH;
    this.timelineCap = env.FEED_TIMELINE_CAP;
  }

  isCelebrity(followersCount: number): boolean {
    return followersCount > this.celebrityThreshold;
  }
}
