import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import type { UserRecord } from '@nexus/users';
import { AUTHOR_COLUMNS, AuthorColumns, authorOf } from './author-columns';
import { CommentRecord } from './post-record';

const COMMENT_COLUMNS = `id, post_id AS "postId", author_id AS "authorId", content,
  created_at AS "createdAt"`;

const INSERT_COMMENT = `
  INSERT INTO comments (post_id, author_id, content) VALUES ($1, $2, $3)
  RETURNING ${COMMENT_COLUMNS}`;

// The post's author decides too (they may delete comments on their post).
const SELECT_COMMENT = `
  SELECT c.id, c.post_id AS "postId", c.author_id AS "authorId", c.content,
    c.created_at AS "createdAt", p.author_id AS "postAuthorId"
  FROM comments c JOIN posts p ON p.id = c.post_id
  WHERE c.id = $1 AND p.deleted_at IS NULL`;

const DELETE_COMMENT = `DELETE FROM comments WHERE id = $1 RETURNING post_id AS "postId"`;

// Oldest first; id > cursor keeps pages stable while new comments arrive.
const LIST_COMMENTS = `
  SELECT ${COMMENT_COLUMNS} FROM comments WHERE post_id = $1 AND id > $2 ORDER BY id LIMIT $3`;

// The first N comments of many posts with their authors in one statement (the GraphQL
// comments DataLoader): the authors' statement and 60 author field resolutions per page saved.
const FIRST_COMMENTS_OF_POSTS = `
  SELECT c.* FROM unnest($1::bigint[]) AS p(id)
  CROSS JOIN LATERAL (
    SELECT cm.id, cm.post_id AS "postId", cm.author_id AS "authorId", cm.content,
      cm.created_at AS "createdAt", ${AUTHOR_COLUMNS}
    FROM comments cm LEFT JOIN users u ON u.id = cm.author_id
    WHERE cm.post_id = p.id ORDER BY cm.id LIMIT $2
  ) c`;

/** A comment read with its author (not yet filtered for a viewer). */
export interface LoadedComment extends CommentRecord {
  author: UserRecord | null;
}

export interface CommentWithPostAuthor extends CommentRecord {
  postAuthorId: string;
}

export async function insertComment(
  tx: EntityManager,
  postId: string,
  authorId: string,
  content: string,
) {
  const [row] = await runNamed<CommentRecord>(tx, 'comments.insert', INSERT_COMMENT, [
    postId,
    authorId,
    content,
  ]);
  return row;
}

export async function selectComment(em: EntityManager, id: string) {
  const [row] = await runNamed<CommentWithPostAuthor>(em, 'comments.select', SELECT_COMMENT, [id]);
  return row;
}

/** The comment's post id when this call deleted it; undefined when it was already gone. */
export async function deleteComment(tx: EntityManager, id: string): Promise<string | undefined> {
  const [row] = await runNamed<{ postId: string }>(tx, 'comments.delete', DELETE_COMMENT, [id]);
  return row?.postId;
}

export function selectCommentPage(
  em: EntityManager,
  postId: string,
  after: string | undefined,
  limit: number,
) {
  return runNamed<CommentRecord>(em, 'comments.list', LIST_COMMENTS, [postId, after ?? '0', limit]);
}

export async function selectFirstComments(
  em: EntityManager,
  postIds: readonly string[],
  limit: number,
): Promise<LoadedComment[]> {
  const rows = await runNamed<CommentRecord & AuthorColumns>(
    em,
    'comments.first_of_posts_with_authors',
    FIRST_COMMENTS_OF_POSTS,
    [postIds, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    postId: r.postId,
    authorId: r.authorId,
    content: r.content,
    createdAt: r.createdAt,
    author: authorOf(r.authorId, r),
  }));
}
