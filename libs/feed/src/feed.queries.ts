import { runNamed } from '@nexus/core';
import type { PostRecord } from '@nexus/posts';
// The file, not the lib's index: posts imports the feed producer, so the index would be a cycle.
import {
  LOADED_POST_COLUMNS,
  LoadedPost,
  LoadedPostRow,
  POST_DETAILS_COLUMNS,
  PostDetailsRow,
  toLoadedPost,
  toPostDetailsRow,
  toSummaryLoadedPost,
} from '@nexus/posts/post-reads.queries';
import type { AuthorSummary, PostDetails } from '@nexus/posts';
import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';

// Every page statement returns posts as posts' own page reads do, in one of two shapes
// (FeedShape): the post, its author (a_ columns) and the viewer's like state, $2 = the viewer.
/*
 * The pull query: posts by the viewer and everyone they follow, newest first. Each author
 * contributes at most $3 ids through an index-only backward scan of posts_live_author_idx, so
 * the cost is (followees × page) index entries, not the authors' whole history, and only the
 * page's rows are read from the heap (measured: 6.4 ms → 0.9 ms, docs/architecture.md).
 * Blocks need no join: a block deletes the follows both ways and forbids new ones.
 */
const pullPageOf = (columns: string) => `
  WITH page AS (
    SELECT p.id
    FROM (SELECT $2::bigint AS author_id UNION ALL
          SELECT followee_id FROM follows WHERE follower_id = $2) a
    CROSS JOIN LATERAL (
      SELECT id FROM posts p
      WHERE p.author_id = a.author_id AND p.deleted_at IS NULL AND p.id < $1
      ORDER BY p.id DESC LIMIT $3) p
    ORDER BY p.id DESC LIMIT $3)
  SELECT ${columns}
  FROM page JOIN posts p ON p.id = page.id JOIN users u ON u.id = p.author_id
  ORDER BY p.id DESC`;

const PULL_IDS = `
  SELECT p.id
  FROM (SELECT $1::bigint AS author_id UNION ALL
        SELECT followee_id FROM follows WHERE follower_id = $1) a
  CROSS JOIN LATERAL (
    SELECT id FROM posts p
    WHERE p.author_id = a.author_id AND p.deleted_at IS NULL
    ORDER BY p.id DESC LIMIT $2) p
  ORDER BY p.id DESC LIMIT $2`;

/*
 * One page from a timeline: the ids read from Redis ($1) plus, for the hybrid feed, the newest
 * posts below the cursor ($3) of each followed celebrity ($4 = threshold, $5 per author). The
 * newest $5 of those overall are enough: the page needs at most $5 rows. The
 * visibility rule is applied here, at read: live posts by the viewer or by someone they follow
 * now (an unfollow's purge or a delete's retraction may still be on its way).
 */
const hydratePageOf = (columns: string) => `
  WITH celebrity AS (
    SELECT c.id FROM follows f
    JOIN users cu ON cu.id = f.followee_id AND cu.followers_count > $4
    CROSS JOIN LATERAL (
      SELECT id FROM posts p
      WHERE p.author_id = f.followee_id AND p.deleted_at IS NULL AND p.id < $3
      ORDER BY p.id DESC LIMIT $5) c
    WHERE f.follower_id = $2
    ORDER BY c.id DESC LIMIT $5
  ), candidate AS (
    SELECT unnest($1::bigint[]) AS id UNION SELECT id FROM celebrity
  )
  SELECT ${columns}, p.id IN (SELECT id FROM celebrity) AS "fromCelebrity"
  FROM candidate c
  JOIN posts p ON p.id = c.id
  JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND (p.author_id = $2 OR EXISTS (
    SELECT 1 FROM follows f WHERE f.follower_id = $2 AND f.followee_id = p.author_id))
  ORDER BY p.id DESC`;

const FOLLOWERS_COUNT = `SELECT followers_count AS "followersCount" FROM users WHERE id = $1`;

// The fan-out's follower scan: active followers in follows.seq order, one batch per call.
const ACTIVE_FOLLOWERS = `
  SELECT f.follower_id AS "userId", f.seq FROM follows f
  JOIN users u ON u.id = f.follower_id
  WHERE f.followee_id = $1 AND f.seq > $2
    AND u.last_active_at > now() - make_interval(days => $4)
  ORDER BY f.seq LIMIT $3`;

const ALL_FOLLOWERS = `
  SELECT follower_id AS "userId", seq FROM follows
  WHERE followee_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;

const LIVE_POSTS = `
  SELECT id, author_id AS "authorId", title, content, media_url AS "mediaUrl",
    like_count AS "likeCount", comment_count AS "commentCount", share_count AS "shareCount",
    created_at AS "createdAt", updated_at AS "updatedAt"
  FROM posts WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL ORDER BY id DESC`;

// Back-fill after a follow: the followee's newest posts, only while the follow still stands.
const AUTHOR_RECENT_FOR_FOLLOWER = `
  SELECT p.id FROM posts p
  WHERE p.author_id = $2 AND p.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $1 AND f.followee_id = $2)
  ORDER BY p.id DESC LIMIT $3`;

const AUTHOR_RECENT = `
  SELECT id FROM posts WHERE author_id = $1 AND deleted_at IS NULL ORDER BY id DESC LIMIT $2`;

const AUTHOR_POSTS_SINCE = `
  SELECT id FROM posts WHERE author_id = $1 AND id >= $2 ORDER BY id DESC LIMIT $3`;

const TOUCH_ACTIVE = `UPDATE users SET last_active_at = now() WHERE id = $1`;

export const NO_CURSOR = '9223372036854775807';

/** A post shape of the feed's page statements: their columns, names and row reader. */
export interface FeedShape<T extends { id: string }, R extends QueryResultRow = QueryResultRow> {
  pullPage: [name: string, text: string];
  hydratePage: [name: string, text: string];
  toPost: (row: R) => T;
}

/** GraphQL's records: the whole author, since a query may select any User field. */
export const LOADED_FEED: FeedShape<LoadedPost, LoadedPostRow> = {
  pullPage: ['feed.pull_page', pullPageOf(LOADED_POST_COLUMNS)],
  hydratePage: ['feed.hydrate_page', hydratePageOf(LOADED_POST_COLUMNS)],
  toPost: toLoadedPost,
};

/** The REST post shape, read with the author's summary only (as the REST post list). */
export const DETAILS_FEED: FeedShape<PostDetails, PostDetailsRow> = {
  pullPage: ['feed.details_pull_page', pullPageOf(POST_DETAILS_COLUMNS)],
  hydratePage: ['feed.details_hydrate_page', hydratePageOf(POST_DETAILS_COLUMNS)],
  toPost: toPostDetailsRow,
};

/** GraphQL's records when a query selects only the author's summary: REST's statements. */
export const SUMMARY_FEED: FeedShape<LoadedPost<AuthorSummary>, PostDetailsRow> = {
  pullPage: DETAILS_FEED.pullPage,
  hydratePage: DETAILS_FEED.hydratePage,
  toPost: toSummaryLoadedPost,
};

export interface HydratedPost<T> {
  post: T;
  fromCelebrity: boolean;
}

export interface FollowerRow {
  userId: string;
  seq: string;
}

export async function pullPage<T extends { id: string }, R extends QueryResultRow>(
  em: EntityManager,
  shape: FeedShape<T, R>,
  viewerId: string,
  before: string,
  limit: number,
): Promise<T[]> {
  const [name, text] = shape.pullPage;
  const rows = await runNamed<R>(em, name, text, [before, viewerId, limit]);
  return rows.map(shape.toPost);
}

export async function pullIds(em: EntityManager, viewerId: string, limit: number) {
  const rows = await runNamed<{ id: string }>(em, 'feed.pull_ids', PULL_IDS, [viewerId, limit]);
  return rows.map((r) => r.id);
}

export async function hydratePage<T extends { id: string }, R extends QueryResultRow>(
  em: EntityManager,
  shape: FeedShape<T, R>,
  viewerId: string,
  ids: readonly string[],
  before: string,
  celebrityThreshold: number,
  perCelebrity: number,
): Promise<HydratedPost<T>[]> {
  const [name, text] = shape.hydratePage;
  const rows = await runNamed<R & { fromCelebrity: boolean }>(em, name, text, [
    ids,
    viewerId,
    before,
    celebrityThreshold,
    perCelebrity,
  ]);
  return rows.map((row) => ({ post: shape.toPost(row), fromCelebrity: row.fromCelebrity }));
}

export async function selectFollowersCount(em: EntityManager, userId: string) {
  const [row] = await runNamed<{ followersCount: number }>(
    em,
    'feed.followers_count',
    FOLLOWERS_COUNT,
    [userId],
  );
  return row?.followersCount ?? 0;
}

export function selectActiveFollowers(
  em: EntityManager,
  authorId: string,
  afterSeq: string,
  limit: number,
  activeDays: number,
) {
  return runNamed<FollowerRow>(em, 'feed.active_followers', ACTIVE_FOLLOWERS, [
    authorId,
    afterSeq,
    limit,
    activeDays,
  ]);
}

export function selectAllFollowers(
  em: EntityManager,
  authorId: string,
  afterSeq: string,
  limit: number,
) {
  return runNamed<FollowerRow>(em, 'feed.all_followers', ALL_FOLLOWERS, [
    authorId,
    afterSeq,
    limit,
  ]);
}

export function selectLivePosts(em: EntityManager, ids: readonly string[]) {
  return runNamed<PostRecord>(em, 'feed.live_posts', LIVE_POSTS, [ids]);
}

export async function selectRecentForFollower(
  em: EntityManager,
  followerId: string,
  authorId: string,
  limit: number,
) {
  const rows = await runNamed<{ id: string }>(
    em,
    'feed.author_recent_for_follower',
    AUTHOR_RECENT_FOR_FOLLOWER,
    [followerId, authorId, limit],
  );
  return rows.map((r) => r.id);
}

export async function selectAuthorRecent(em: EntityManager, authorId: string, limit: number) {
  const rows = await runNamed<{ id: string }>(em, 'feed.author_recent', AUTHOR_RECENT, [
    authorId,
    limit,
  ]);
  return rows.map((r) => r.id);
}

export async function selectAuthorPostsSince(
  em: EntityManager,
  authorId: string,
  sinceId: string,
  limit: number,
) {
  const rows = await runNamed<{ id: string }>(em, 'feed.author_posts_since', AUTHOR_POSTS_SINCE, [
    authorId,
    sinceId,
    limit,
  ]);
  return rows.map((r) => r.id);
}

export async function touchActive(em: EntityManager, userId: string) {
  await runNamed(em, 'feed.touch_active', TOUCH_ACTIVE, [userId]);
}
