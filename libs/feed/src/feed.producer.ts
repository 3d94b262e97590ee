import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { OutboxEntry, OutboxJob, OutboxWriter, QUEUES } from '@nexus/core';
import type { PostRecord } from '@nexus/posts';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
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
const ONE_SHOT: OutboxJob['opts'] = { removeOnComplete: true, removeOnFail: { age: 3600 } };

const feedJob = (name: string, jobId: string, data: FeedJobData, opts?: OutboxJob['opts']) => ({
  queue: QUEUES.feed,
  name,
  jobId,
  data,
  opts,
});

/**
 * Records feed work in the transaction of the write that causes it (outbox): it exists exactly
 * when the write commits, and reaches BullMQ after commit or, if Redis is down, once it is back.
 */
@Injectable()
export class FeedProducer {
  private readonly logger = new Logger(FeedProducer.name);

  constructor(
    @InjectQueue(QUEUES.feed) private readonly queue: Queue<FeedJobData>,
    private readonly store: TimelineStore,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Followers get the post from the fan-out job (and the author, see pushToAuthor). */
  postCreated(tx: EntityManager, post: PostRecord): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, [
      feedJob(FEED_JOBS.fanout, feedJobIds.fanout(post.id), {
        authorId: post.authorId,
        postIds: [post.id],
        reason: 'post',
      }),
    ]);
  }

  /**
   * After commit: the author's own timeline gets the post now, so they see it on their next read
   * (the fan-out job pushes it there too, should this push fail).
   */
  async pushToAuthor(post: PostRecord): Promise<void> {
    await this.store.push([post.authorId], [post.id]);
  }

  postDeleted(tx: EntityManager, post: { id: string; authorId: string }): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, [
      feedJob(FEED_JOBS.retract, feedJobIds.retract(post.id), {
        authorId: post.authorId,
        postId: post.id,
      }),
    ]);
  }

  followed(
    tx: EntityManager,
    followerId: string,
    followeeId: string,
    seq: string,
  ): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, [
      feedJob(
        FEED_JOBS.backfill,
        feedJobIds.backfill(followerId, followeeId, seq),
        { userId: followerId, authorId: followeeId },
        ONE_SHOT,
      ),
    ]);
  }

  /** Purges each side's posts from the other's timeline; refills authors no longer celebrities. */
  followsRemoved(
    tx: EntityManager,
    removed: RemovedFollow[],
    demotedAuthors: RemovedFollow[],
  ): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, [
      ...removed.map((f) =>
        feedJob(
          FEED_JOBS.purge,
          feedJobIds.purge(f.followerId, f.followeeId, f.seq),
          { userId: f.followerId, authorId: f.followeeId },
          ONE_SHOT,
        ),
      ),
      ...demotedAuthors.map((f) =>
        feedJob(FEED_JOBS.fanout, feedJobIds.refill(f.followeeId, f.seq), {
          authorId: f.followeeId,
          postIds: [],
          reason: 'refill' as const,
        }),
      ),
    ]);
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
