/** The `feed` queue's jobs. The API produces, the worker consumes; every one is idempotent. */
export const FEED_JOBS = {
  /** Push posts into the timelines of the author's active followers (new post, or a refill). */
  fanout: 'fanout',
  /** Remove a deleted post from the timelines it reached. */
  retract: 'retract',
  /** Add an author's recent posts to one follower's timeline (after a follow). */
  backfill: 'backfill',
  /** Remove an author's posts from one user's timeline (after an unfollow or a block). */
  purge: 'purge',
  /** Build a cold timeline from PostgreSQL. */
  rebuild: 'rebuild',
} as const;

export interface FanoutJobData {
  authorId: string;
  postIds: string[];
  /** `post`: a new post (followers are told over `feedUpdated`); `refill`: an author fell below the celebrity threshold. */
  reason: 'post' | 'refill';
  /** Checkpoint: followers up to this follows.seq are done (a retried job resumes here). */
  afterSeq?: string;
}

export interface RetractJobData {
  authorId: string;
  postId: string;
  afterSeq?: string;
}

/** One timeline owner and one author. */
export interface TimelineAuthorJobData {
  userId: string;
  authorId: string;
}

export interface RebuildJobData {
  userId: string;
}

export type FeedJobData = FanoutJobData | RetractJobData | TimelineAuthorJobData | RebuildJobData;

/** Deterministic ids: a repeated enqueue of the same event is dropped by BullMQ. */
export const feedJobIds = {
  fanout: (postId: string) => `fanout.${postId}`,
  refill: (authorId: string, seq: string) => `refill.${authorId}.${seq}`,
  retract: (postId: string) => `retract.${postId}`,
  backfill: (userId: string, authorId: string, seq: string) =>
    `backfill.${userId}.${authorId}.${seq}`,
  purge: (userId: string, authorId: string, seq: string) => `purge.${userId}.${authorId}.${seq}`,
  rebuild: (userId: string) => `rebuild.${userId}`,
};
