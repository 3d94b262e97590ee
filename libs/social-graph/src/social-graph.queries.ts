import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';

/**
 * Follow, unfollow and block each lock both users' rows first, lowest id first: one lock order
 * (no deadlocks), and a follow racing a block of the same pair is serialised, so a follow can
 * never be committed beside a block. The lock also answers "does the user exist" (404).
 */
const LOCK_PAIR = `SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE`;

// Counters move by the rows this statement inserted, in the same transaction. The block check
// must run here, after the locks are held: under READ COMMITTED a statement that waited for a
// row lock re-reads only the locked rows, so a check inside LOCK_PAIR could miss a block that
// committed while it waited.
const INSERT_FOLLOW = `
  WITH blocked AS (
    SELECT EXISTS (
      SELECT 1 FROM blocks b
      WHERE (b.blocker_id = $1 AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = $1)
    ) AS yes
  ), inserted AS (
    INSERT INTO follows (follower_id, followee_id)
    SELECT $1, $2 WHERE NOT (SELECT yes FROM blocked)
    ON CONFLICT DO NOTHING RETURNING seq
  ), bumped AS (
    UPDATE users SET
      following_count = following_count + CASE WHEN id = $1 THEN 1 ELSE 0 END,
      followers_count = followers_count + CASE WHEN id = $2 THEN 1 ELSE 0 END
    WHERE id IN ($1, $2) AND EXISTS (SELECT 1 FROM inserted)
  )
  SELECT (SELECT yes FROM blocked) AS blocked, (SELECT seq FROM inserted) AS seq`;

// Deletes the follows between the pair in the given directions and fixes both counters.
// Returns each deleted row with the followee's followers_count after the change.
const DELETE_FOLLOWS = `
  WITH deleted AS (
    DELETE FROM follows
    WHERE (follower_id = $1 AND followee_id = $2) OR ($3::boolean AND follower_id = $2 AND followee_id = $1)
    RETURNING follower_id, followee_id, seq
  ), bumped AS (
    UPDATE users u SET
      following_count = following_count - (SELECT count(*) FROM deleted d WHERE d.follower_id = u.id),
      followers_count = followers_count - (SELECT count(*) FROM deleted d WHERE d.followee_id = u.id)
    WHERE u.id IN ($1, $2) AND EXISTS (SELECT 1 FROM deleted)
    RETURNING u.id, u.followers_count
  )
  SELECT d.follower_id AS "followerId", d.followee_id AS "followeeId", d.seq,
    b.followers_count AS "followeeFollowers"
  FROM deleted d JOIN bumped b ON b.id = d.followee_id`;

const INSERT_BLOCK = `
  INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`;

const DELETE_BLOCK = `DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`;

// Keyset pages, newest follow first: seq < cursor keeps pages stable while follows arrive.
const FOLLOWER_PAGE = `
  SELECT follower_id AS "userId", seq FROM follows
  WHERE followee_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`;

const FOLLOWING_PAGE = `
  SELECT followee_id AS "userId", seq FROM follows
  WHERE follower_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`;

const FOLLOWED_AMONG = `
  SELECT followee_id AS "id" FROM follows WHERE follower_id = $1 AND followee_id = ANY($2::bigint[])`;

const NO_CURSOR = '9223372036854775807';

export interface DeletedFollow {
  followerId: string;
  followeeId: string;
  seq: string;
  followeeFollowers: number;
}

export interface FollowEdge {
  userId: string;
  seq: string;
}

/** Locks both users' rows; returns how many exist (2 when both do). */
export async function lockPair(tx: EntityManager, a: string, b: string): Promise<number> {
  return (await runNamed(tx, 'graph.lock_pair', LOCK_PAIR, [a, b])).length;
}

export interface FollowInsert {
  /** A block exists either way: nothing was written. */
  blocked: boolean;
  /** The new follow's seq; null when blocked or when it already existed. */
  seq: string | null;
}

export async function insertFollow(
  tx: EntityManager,
  followerId: string,
  followeeId: string,
): Promise<FollowInsert> {
  const [row] = await runNamed<FollowInsert>(tx, 'graph.insert_follow', INSERT_FOLLOW, [
    followerId,
    followeeId,
  ]);
  return row;
}

/** a→b, and b→a too when `bothWays`. */
export function deleteFollows(tx: EntityManager, a: string, b: string, bothWays: boolean) {
  return runNamed<DeletedFollow>(tx, 'graph.delete_follows', DELETE_FOLLOWS, [a, b, bothWays]);
}

export async function insertBlock(tx: EntityManager, blockerId: string, blockedId: string) {
  await runNamed(tx, 'graph.insert_block', INSERT_BLOCK, [blockerId, blockedId]);
}

export async function deleteBlock(em: EntityManager, blockerId: string, blockedId: string) {
  await runNamed(em, 'graph.delete_block', DELETE_BLOCK, [blockerId, blockedId]);
}

export function selectFollowerPage(em: EntityManager, userId: string, before?: string, limit = 21) {
  return runNamed<FollowEdge>(em, 'graph.followers', FOLLOWER_PAGE, [
    userId,
    before ?? NO_CURSOR,
    limit,
  ]);
}

export function selectFollowingPage(
  em: EntityManager,
  userId: string,
  before?: string,
  limit = 21,
) {
  return runNamed<FollowEdge>(em, 'graph.following', FOLLOWING_PAGE, [
    userId,
    before ?? NO_CURSOR,
    limit,
  ]);
}

export async function selectFollowedAmong(
  em: EntityManager,
  viewerId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await runNamed<{ id: string }>(em, 'graph.followed_among', FOLLOWED_AMONG, [
    viewerId,
    ids,
  ]);
  return new Set(rows.map((r) => r.id));
}
