import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { analyticsJobId, AnalyticsEventData } from './analytics-jobs';
import { bumpInteractions, claimEvent } from './post-stats.queries';

// A like counts on the day it was given; an unlike does not subtract (likeCount on the post is
// the live net number; the daily figure is activity).
const DELTAS: Partial<
  Record<AnalyticsEventData['type'], Partial<Record<'likes' | 'comments' | 'shares', number>>>
> = {
  'post.liked': { likes: 1 },
  'post.commented': { comments: 1 },
  'post.shared': { shares: 1 },
};

/** The worker side of interaction events: each event counted exactly once into its UTC day. */
@Injectable()
export class AnalyticsRecorder {
  constructor(private readonly db: DataSource) {}

  /** True when this call counted the event; false for a duplicate or an uncounted type. */
  async apply(event: AnalyticsEventData): Promise<boolean> {
    const delta = DELTAS[event.type];
    if (!delta) return false;
    const day = new Date(event.occurredAt).toISOString().slice(0, 10);
    return this.db.transaction(async (tx) => {
      if (!(await claimEvent(tx, analyticsJobId(event)))) return false;
      await bumpInteractions(tx, event.postId, day, {
        likes: delta.likes ?? 0,
        comments: delta.comments ?? 0,
        shares: delta.shares ?? 0,
      });
      return true;
    });
  }
}
