import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import type { PostRecord } from '@nexus/posts';
import { JobsOptions, Queue } from 'bullmq';
import { FEED_JOBS, FeedJobData, feedJobIds } from './feed-jobs';
import { TimelineStore } from './timeline-store';

/** A follow that was removed (unfollow or block), as the social graph reports it. */
export interface RemovedFollow {
  followerId: string;
  followeeId: string;
  seq: string;
}

// Per-user jobs free their id on completion so the next event can run again; failures stay an
// hour for inspection (a failed rebuild only means reads keep using PostgreSQL meanwhile).
const ONE_SHOT: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 3600 } };

/** Enqueues feed work after the write that causes it has committed. */
@Injectable()
export class FeedProducer {
  private readonly logger = new Logger(FeedProducer.name);

  constructor(
    @InjectQueue(QUEUES.feed) private readonly queue: Queue<FeedJobData>,
    private readonly store: TimelineStore,
  ) {}

  /**
   * Followers get the post from the fan-out job; the author's own timeline gets it now, so they
   * see it on their next read (the job pushes it there too, should this push fail).
   */
  async postCreated(post: PostRecord): Promise<void> {
    await this.queue.add(
      FEED_JOBS.fanout,
      { authorId: post.authorId, postIds: [post.id], reason: 'post' },
      { jobId: feedJobIds.fanout(post.id) },
    );
    await this.store.push([post.authorId], [post.id]);
  }

  async postDeleted(post: { id: string; authorId: string }): Promise<void> {
    await this.queue.add(
      FEED_JOBS.retract,
      { authorId: post.authorId, postId: post.id },
      { jobId: feedJobIds.retract(post.id) },
    );
  }

  async followed(followerId: string, followeeId: string, seq: string): Promise<void> {
    await this.queue.add(
      FEED_JOBS.backfill,
      { userId: followerId, authorId: followeeId },
      { jobId: feedJobIds.backfill(followerId, followeeId, seq), ...ONE_SHOT },
    );
  }

  /** Purges each side's posts from the other's timeline; refills authors no longer celebrities. */
  async followsRemoved(removed: RemovedFollow[], demotedAuthors: RemovedFollow[]): Promise<void> {
    const jobs = [
      ...removed.map((f) => ({
        name: FEED_JOBS.purge,
        data: { userId: f.followerId, authorId: f.followeeId },
        opts: { jobId: feedJobIds.purge(f.followerId, f.followeeId, f.seq), ...ONE_SHOT },
      })),
      ...demotedAuthors.map((f) => ({
        name: FEED_JOBS.fanout,
        data: { authorId: f.followeeId, postIds: [], reason: 'refill' as const },
        opts: { jobId: feedJobIds.refill(f.followeeId, f.seq) },
      })),
    ];
    if (jobs.length > 0) await this.queue.addBulk(jobs);
  }

  /** A cold timeline was read: build it in the background (the read is served from PostgreSQL). */
  async rebuild(userId: string): Promise<void> {
    try {
      await this.queue.add(
        FEED_JOBS.rebuild,
        { userId },
        { jobId: feedJobIds.rebuild(userId), ...ONE_SHOT },
      );
    } catch (err) {
      this.logger.warn(`Could not enqueue a timeline rebuild: ${(err as Error).message}`);
    }
  }
}
