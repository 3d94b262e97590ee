import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FeedEvents } from './feed-events';
import { FanoutJobData, RetractJobData } from './feed-jobs';
import { FeedSettings } from './feed-settings';
import {
  pullIds,
  selectActiveFollowers,
  selectAllFollowers,
  selectAuthorPostsSince,
  selectAuthorRecent,
  selectFollowersCount,
  selectLivePosts,
  selectRecentForFollower,
  touchActive,
} from './feed.queries';
import { TimelineStore } from './timeline-store';

/** Called after each batch with the last follows.seq done, so a retried job resumes there. */
export type Checkpoint = (afterSeq: string) => Promise<void>;

/**
 * Writes to timelines: fan-out on write, retraction, back-fill, purge and rebuild. Every
 * operation is idempotent (sorted-set adds and removes), so a retried or duplicated job, or a
 * worker killed mid-batch, leaves each post in each timeline at most once.
 */
@Injectable()
export class TimelinesService {
  constructor(
    private readonly db: DataSource,
    private readonly store: TimelineStore,
    private readonly settings: FeedSettings,
    private readonly events: FeedEvents,
  ) {}

  /**
   * Pushes posts to the author's active followers in pipelined batches. Celebrities are skipped:
   * their posts are merged in at read time. The author's own timeline always gets them. A
   * `refill` (the author fell below the threshold) pushes their recent posts like new ones.
   */
  async fanout(job: FanoutJobData, checkpoint: Checkpoint): Promise<{ followers: number }> {
    const postIds =
      job.reason === 'refill'
        ? await selectAuthorRecent(this.db.manager, job.authorId, this.settings.timelineCap)
        : job.postIds;
    const posts = await selectLivePosts(this.db.manager, postIds);
    if (posts.length === 0) return { followers: 0 };
    const ids = posts.map((p) => p.id);
    await this.store.push([job.authorId], ids);
    const followersCount = await selectFollowersCount(this.db.manager, job.authorId);
    if (this.settings.isCelebrity(followersCount)) return { followers: 0 };

    let afterSeq = job.afterSeq ?? '0';
    let reached = 0;
    for (;;) {
      const batch = await selectActiveFollowers(
        this.db.manager,
        job.authorId,
        afterSeq,
        this.settings.fanoutBatch,
        this.settings.activeDays,
      );
      if (batch.length === 0) break;
      const userIds = batch.map((f) => f.userId);
      await this.store.push(userIds, ids);
      if (job.reason === 'post') await this.events.postAdded(userIds, posts[0]);
      reached += batch.length;
      afterSeq = batch[batch.length - 1].seq;
      await checkpoint(afterSeq);
      if (batch.length < this.settings.fanoutBatch) break;
    }
    return { followers: reached };
  }

  /** Removes a deleted post from every follower's timeline (any follower: activity may have changed). */
  async retract(job: RetractJobData, checkpoint: Checkpoint): Promise<void> {
    await this.store.remove([job.authorId], [job.postId]);
    let afterSeq = job.afterSeq ?? '0';
    for (;;) {
      const batch = await selectAllFollowers(
        this.db.manager,
        job.authorId,
        afterSeq,
        this.settings.fanoutBatch,
      );
      if (batch.length === 0) break;
      await this.store.remove(
        batch.map((f) => f.userId),
        [job.postId],
      );
      afterSeq = batch[batch.length - 1].seq;
      await checkpoint(afterSeq);
      if (batch.length < this.settings.fanoutBatch) break;
    }
  }

  /** After a follow: the followee's newest posts join the follower's timeline (if it is warm). */
  async backfill(userId: string, authorId: string): Promise<void> {
    if (this.settings.isCelebrity(await selectFollowersCount(this.db.manager, authorId))) return;
    const ids = await selectRecentForFollower(
      this.db.manager,
      userId,
      authorId,
      this.settings.timelineCap,
    );
    await this.store.push([userId], ids);
  }

  /** After an unfollow or a block: the author's posts leave the user's timeline. */
  async purge(userId: string, authorId: string): Promise<void> {
    const oldest = await this.store.oldest(userId);
    if (!oldest) return;
    const ids = await selectAuthorPostsSince(
      this.db.manager,
      authorId,
      oldest,
      this.settings.timelineCap,
    );
    await this.store.remove([userId], ids);
  }

  /**
   * Builds a cold timeline. The user is marked active and the set created (as `building`) before
   * PostgreSQL is read, so a post committed after that read is pushed by its fan-out into the set
   * being built rather than missed.
   */
  async rebuild(userId: string): Promise<boolean> {
    await touchActive(this.db.manager, userId);
    if (!(await this.store.beginBuild(userId))) return false;
    const ids = await pullIds(this.db.manager, userId, this.settings.timelineCap);
    return this.store.finishBuild(userId, ids);
  }
}
