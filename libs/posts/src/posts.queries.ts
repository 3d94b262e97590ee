import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { PostRecord } from './post-record';

/** Column list shared by every statement that returns a post, aliased to PostRecord. */
export const POST_COLUMNS = `id, author_id AS "authorId", title, content, media_url AS "mediaUrl",
  like_count AS "likeCount", comment_count AS "commentCount", share_count AS "shareCount",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const INSERT_POST = `
  INSERT INTO posts (author_id, title, content, media_url) VALUES ($1, $2, $3, $4)
  RETURNING ${POST_COLUMNS}`;

const BUMP_USER_POSTS = `UPDATE users SET posts_count = posts_count + $2 WHERE id = $1`;

const SELECT_POST = `SELECT ${POST_COLUMNS} FROM posts WHERE id = $1 AND deleted_at IS NULL`;

// Keyset pages, newest first: id < cursor keeps pages stable while new posts arrive.
const LIST_POSTS = `
  SELECT ${POST_COLUMNS} FROM posts
  WHERE deleted_at IS NULL AND id < $1 ORDER BY id DESC LIMIT $2`;

const LIST_AUTHOR_POSTS = `
  SELECT ${POST_COLUMNS} FROM posts
  WHERE author_id = $1 AND deleted_at IS NULL AND id < $2 ORDER BY id DESC LIMIT $3`;

// $2/$4 say whether title/media_url were given, so null can clear them.
const UPDATE_POST = `
  UPDATE posts SET
    title = CASE WHEN $2::boolean THEN $3 ELSE title END,
    media_url = CASE WHEN $4::boolean THEN $5 ELSE media_url END,
    content = COALESCE($6, content),
    updated_at = now()
  WHERE id = $1 AND deleted_at IS NULL
  RETURNING ${POST_COLUMNS}`;

const SOFT_DELETE_POST = `
  UPDATE posts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL
  RETURNING author_id AS "authorId"`;

/** Larger than any bigint id: "no cursor" without a second statement text. */
const NO_CURSOR = '9223372036854775807';

export interface NewPost {
  title?: string | null;
  content: string;
  mediaUrl?: string | null;
}

export interface PostChanges {
  title?: string | null;
  content?: string;
  mediaUrl?: string | null;
}

export async function insertPost(tx: EntityManager, authorId: string, post: NewPost) {
  const [row] = await runNamed<PostRecord>(tx, 'posts.insert', INSERT_POST, [
    authorId,
    post.title ?? null,
    post.content,
    post.mediaUrl ?? null,
  ]);
  return row;
}

export async function bumpUserPosts(tx: EntityManager, userId: string, delta: 1 | -1) {
  await runNamed(tx, 'posts.bump_user_posts', BUMP_USER_POSTS, [userId, delta]);
}

export async function selectPost(em: EntityManager, id: string): Promise<PostRecord | undefined> {
  const [row] = await runNamed<PostRecord>(em, 'posts.select', SELECT_POST, [id]);
  return row;
}

export function selectPostPage(em: EntityManager, before: string | undefined, limit: number) {
  return runNamed<PostRecord>(em, 'posts.list', LIST_POSTS, [before ?? NO_CURSOR, limit]);
}

export function selectAuthorPostPage(
  em: EntityManager,
  authorId: string,
  before: string | undefined,
  limit: number,
) {
  return runNamed<PostRecord>(em, 'posts.list_by_author', LIST_AUTHOR_POSTS, [
    authorId,
    before ?? NO_CURSOR,
    limit,
  ]);
}

export async function updatePost(em: EntityManager, id: string, changes: PostChanges) {
  const [row] = await runNamed<PostRecord>(em, 'posts.update', UPDATE_POST, [
    id,
    changes.title !== undefined,
    changes.title ?? null,
    changes.mediaUrl !== undefined,
    changes.mediaUrl ?? null,
    changes.content ?? null,
  ]);
  return row;
}

/** Returns the author id when this call deleted the post; undefined when it was already gone. */
export async function softDeletePost(tx: EntityManager, id: string): Promise<string | undefined> {
  const [row] = await runNamed<{ authorId: string }>(tx, 'posts.soft_delete', SOFT_DELETE_POST, [
    id,
  ]);
  return row?.authorId;
}
