import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { POST_COLUMNS } from './posts.queries';
import { PostRecord, ShareRecord } from './post-record';

// Every like/share/comment writer locks the post row first: one lock order, no deadlocks, and
// a toggle sees the likes committed by the writer it waited for (READ COMMITTED re-snapshots).
const LOCK_POST = `SELECT id FROM posts WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`;

const INSERT_LIKE = `
  INSERT INTO likes (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
  RETURNING created_at AS "createdAt"`;

const DELETE_LIKE = `
  DELETE FROM likes WHERE post_id = $1 AND user_id = $2 RETURNING created_at AS "createdAt"`;

const BUMP_COUNTER = {
  like: `UPDATE posts SET like_count = like_count + $2 WHERE id = $1 RETURNING ${POST_COLUMNS}`,
  share: `UPDATE posts SET share_count = share_count + $2 WHERE id = $1 RETURNING ${POST_COLUMNS}`,
  comment: `UPDATE posts SET comment_count = comment_count + $2 WHERE id = $1 RETURNING ${POST_COLUMNS}`,
} as const;

const LIKED_POST_IDS = `
  SELECT post_id AS "postId" FROM likes WHERE user_id = $1 AND post_id = ANY($2::bigint[])`;

const SHARE_COLUMNS = `id, post_id AS "postId", user_id AS "userId", created_at AS "createdAt"`;

const INSERT_SHARE = `
  INSERT INTO shares (post_id, user_id) VALUES ($1, $2) ON CONFLICT (post_id, user_id) DO NOTHING
  RETURNING ${SHARE_COLUMNS}`;

const SELECT_SHARE = `SELECT ${SHARE_COLUMNS} FROM shares WHERE post_id = $1 AND user_id = $2`;

export type PostCounter = keyof typeof BUMP_COUNTER;

/** Locks a live post for this transaction; false when it does not exist or is deleted. */
export async function lockPost(tx: EntityManager, postId: string): Promise<boolean> {
  return (await runNamed(tx, 'posts.lock', LOCK_POST, [postId])).length === 1;
}

export async function bumpPostCounter(
  tx: EntityManager,
  counter: PostCounter,
  postId: string,
  delta: number,
): Promise<PostRecord> {
  const [row] = await runNamed<PostRecord>(tx, `posts.bump_${counter}`, BUMP_COUNTER[counter], [
    postId,
    delta,
  ]);
  return row;
}

/** The new like's time, or undefined when the user already liked the post. */
export async function insertLike(tx: EntityManager, postId: string, userId: string) {
  const [row] = await runNamed<{ createdAt: Date }>(tx, 'likes.insert', INSERT_LIKE, [
    postId,
    userId,
  ]);
  return row?.createdAt;
}

/** The removed like's time, or undefined when there was no like. */
export async function deleteLike(tx: EntityManager, postId: string, userId: string) {
  const [row] = await runNamed<{ createdAt: Date }>(tx, 'likes.delete', DELETE_LIKE, [
    postId,
    userId,
  ]);
  return row?.createdAt;
}

export async function selectLikedPostIds(
  em: EntityManager,
  userId: string,
  postIds: readonly string[],
): Promise<Set<string>> {
  const rows = await runNamed<{ postId: string }>(em, 'likes.liked_post_ids', LIKED_POST_IDS, [
    userId,
    postIds,
  ]);
  return new Set(rows.map((r) => r.postId));
}

/** The new share, or undefined when the user had already shared the post. */
export async function insertShare(tx: EntityManager, postId: string, userId: string) {
  const [row] = await runNamed<ShareRecord>(tx, 'shares.insert', INSERT_SHARE, [postId, userId]);
  return row;
}

export async function selectShare(em: EntityManager, postId: string, userId: string) {
  const [row] = await runNamed<ShareRecord>(em, 'shares.select', SELECT_SHARE, [postId, userId]);
  return row;
}
