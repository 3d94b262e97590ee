import { runNamed } from '@nexus/core';
import type { UserRecord } from '@nexus/users';
import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import {
  AUTHOR_COLUMNS,
  AUTHOR_SUMMARY_COLUMNS,
  AuthorColumns,
  authorOf,
  AuthorSummaryColumns,
} from './author-columns';
import type { LoadedComment } from './comments.queries';
import type { AuthorSummary, PostDetails, PostRecord } from './post-record';
import { POST_COLUMNS } from './posts.queries';

/**
 * How much of each author a GraphQL read takes: the whole User, or only the summary columns
 * REST reads (AuthorSummary) when a query selects nothing else of the author.
 */
export type AuthorDepth = 'whole' | 'summary';

/**
 * A post read together with its author and the viewer's like state (one statement). The author
 * is the whole user, or only its summary when read at the summary depth.
 */
export interface LoadedPost<A extends AuthorSummary = UserRecord> extends PostRecord {
  author: A | null;
  viewerHasLiked: boolean;
}

// p = the post, u = its author (a_ columns), $2 = the viewer (null: nobody, so false).
const POST_PART = `p.id, p.author_id AS "authorId", p.title, p.content,
  p.media_url AS "mediaUrl", p.like_count AS "likeCount", p.comment_count AS "commentCount",
  p.share_count AS "shareCount", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const LIKED = `EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $2::bigint) AS liked`;

/** The post with its whole author (GraphQL may ask any User field) and the like state. */
export const LOADED_POST_COLUMNS = `${POST_PART}, ${AUTHOR_COLUMNS}, ${LIKED}`;
/**
 * The REST shape shows only the author's summary: 3 author columns instead of 11 (no email,
 * bio, counters or timestamps for PostgreSQL to send and pg to parse). Rows: PostDetailsRow.
 */
export const POST_DETAILS_COLUMNS = `${POST_PART}, ${AUTHOR_SUMMARY_COLUMNS}, ${LIKED}`;

// The newest page in one round trip instead of three (page, authors, likes): every statement
// costs a socket write and a backend wake-up, the largest per-request cost in the bench.
const newestPageOf = (columns: string) => `
  SELECT ${columns} FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;
const onePostOf = (columns: string) => `
  SELECT ${columns} FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

// Named statements: [name, text]. The summary reads share the REST statements.
const LOADED_POST_PAGE: [string, string] = ['posts.loaded_page', newestPageOf(LOADED_POST_COLUMNS)];
const LOADED_POST: [string, string] = ['posts.loaded', onePostOf(LOADED_POST_COLUMNS)];
const POST_DETAILS_PAGE: [string, string] = [
  'posts.details_page',
  newestPageOf(POST_DETAILS_COLUMNS),
];
export const POST_DETAILS: [string, string] = ['posts.details', onePostOf(POST_DETAILS_COLUMNS)];

// The same page with each post's first $4 comments and their authors as JSON (ids as text, the
// order and limit of comments.first_of_posts_with_authors): a nested page in one round trip.
// Each comment is one flat array, in CommentJson's order: no repeated keys for PostgreSQL to
// build and JSON.parse to read (about half the bytes of objects).
const LOADED_POST_PAGE_WITH_COMMENTS = `
  SELECT ${LOADED_POST_COLUMNS},
    (SELECT json_agg(json_build_array(
        cm.id::text, cm.post_id::text, cm.author_id::text, cm.content, cm.created_at,
        cu.id::text, cu.username::text, cu.email::text, cu.display_name, cu.bio, cu.avatar_url,
        cu.role, cu.followers_count, cu.following_count, cu.posts_count, cu.created_at,
        cu.updated_at) ORDER BY cm.id)
     FROM (SELECT * FROM comments WHERE post_id = p.id ORDER BY id LIMIT $4) cm
     LEFT JOIN users cu ON cu.id = cm.author_id) AS comments
  FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;

/** Larger than any bigint id: "no cursor" without a second statement text. */
const NO_CURSOR = '9223372036854775807';

export interface LoadedPostRow extends PostRecord, AuthorColumns {
  liked: boolean;
}

/** Built field by field, as every record here (see postDetailsOf). */
function loadedPostOf<A extends AuthorSummary>(
  r: PostRecord,
  author: A | null,
  viewerHasLiked: boolean,
): LoadedPost<A> {
  return {
    id: r.id,
    authorId: r.authorId,
    title: r.title,
    content: r.content,
    mediaUrl: r.mediaUrl,
    likeCount: r.likeCount,
    commentCount: r.commentCount,
    shareCount: r.shareCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    author,
    viewerHasLiked,
  };
}

export function toLoadedPost(r: LoadedPostRow): LoadedPost {
  return loadedPostOf(r, authorOf(r.authorId, r), r.liked);
}

/** A post read with the summary columns (POST_DETAILS_COLUMNS), authorId kept. */
export function toSummaryLoadedPost(r: PostDetailsRow): LoadedPost<AuthorSummary> {
  return loadedPostOf(r, summaryOf(r), r.liked);
}

/** Runs one of the newest-page statements: $1 before (exclusive), $2 viewer, $3 limit. */
function newestRows<R extends QueryResultRow>(
  em: EntityManager,
  [name, text]: [string, string],
  viewerId: string | undefined,
  before: string | undefined,
  limit: number,
): Promise<R[]> {
  return runNamed<R>(em, name, text, [before ?? NO_CURSOR, viewerId ?? null, limit]);
}

/** Runs one of the one-post statements: $1 the post, $2 the viewer. */
async function onePostRow<R extends QueryResultRow>(
  em: EntityManager,
  [name, text]: [string, string],
  viewerId: string | undefined,
  id: string,
): Promise<R | undefined> {
  const [row] = await runNamed<R>(em, name, text, [id, viewerId ?? null]);
  return row;
}

export async function selectLoadedPostPage(
  em: EntityManager,
  viewerId: string | undefined,
  before: string | undefined,
  limit: number,
  authors: AuthorDepth,
): Promise<LoadedPost<AuthorSummary>[]> {
  if (authors === 'summary') {
    const rows = await newestRows<PostDetailsRow>(em, POST_DETAILS_PAGE, viewerId, before, limit);
    return rows.map(toSummaryLoadedPost);
  }
  const rows = await newestRows<LoadedPostRow>(em, LOADED_POST_PAGE, viewerId, before, limit);
  return rows.map(toLoadedPost);
}

/** A comment and its author (all null without one) as LOADED_POST_PAGE_WITH_COMMENTS builds it. */
type CommentJson = [
  id: string,
  postId: string,
  authorId: string,
  content: string,
  createdAt: string,
  userId: string | null,
  username: string,
  email: string,
  displayName: string | null,
  bio: string | null,
  avatarUrl: string | null,
  role: UserRecord['role'],
  followersCount: number,
  followingCount: number,
  postsCount: number,
  userCreatedAt: string,
  userUpdatedAt: string,
];

function commentFromJson(c: CommentJson): LoadedComment {
  return {
    id: c[0],
    postId: c[1],
    authorId: c[2],
    content: c[3],
    createdAt: new Date(c[4]),
    author:
      c[5] === null
        ? null
        : {
            id: c[5],
            username: c[6],
            email: c[7],
            displayName: c[8],
            bio: c[9],
            avatarUrl: c[10],
            role: c[11],
            followersCount: c[12],
            followingCount: c[13],
            postsCount: c[14],
            createdAt: new Date(c[15]),
            updatedAt: new Date(c[16]),
          },
  };
}

/** Loaded posts, and each one's first comments (oldest first) with their authors. */
export interface LoadedPostsWithComments {
  posts: LoadedPost[];
  commentsByPost: Map<string, LoadedComment[]>;
}

export async function selectLoadedPostPageWithComments(
  em: EntityManager,
  viewerId: string | undefined,
  before: string | undefined,
  limit: number,
  commentsPerPost: number,
): Promise<LoadedPostsWithComments> {
  const rows = await runNamed<LoadedPostRow & { comments: CommentJson[] | null }>(
    em,
    'posts.loaded_page_with_comments',
    LOADED_POST_PAGE_WITH_COMMENTS,
    [before ?? NO_CURSOR, viewerId ?? null, limit, commentsPerPost],
  );
  const commentsByPost = new Map<string, LoadedComment[]>();
  for (const r of rows) commentsByPost.set(r.id, (r.comments ?? []).map(commentFromJson));
  return { posts: rows.map(toLoadedPost), commentsByPost };
}

export async function selectLoadedPost(
  em: EntityManager,
  viewerId: string | undefined,
  id: string,
  authors: AuthorDepth,
): Promise<LoadedPost<AuthorSummary> | undefined> {
  if (authors === 'summary') {
    const row = await onePostRow<PostDetailsRow>(em, POST_DETAILS, viewerId, id);
    return row && toSummaryLoadedPost(row);
  }
  const row = await onePostRow<LoadedPostRow>(em, LOADED_POST, viewerId, id);
  return row && toLoadedPost(row);
}

export interface PostDetailsRow extends PostRecord, AuthorSummaryColumns {
  liked: boolean;
}

/** The author summary of a row read with the summary columns; null when the join found none. */
function summaryOf(r: PostDetailsRow): AuthorSummary | null {
  return r.a_username === null
    ? null
    : {
        id: r.authorId,
        username: r.a_username,
        displayName: r.a_display_name,
        avatarUrl: r.a_avatar_url,
      };
}

export function toPostDetailsRow(r: PostDetailsRow): PostDetails {
  return postDetailsOf(r, summaryOf(r), r.liked);
}

/** The newest page in the REST shape (author summaries only), one statement. */
export async function selectPostDetailsPage(
  em: EntityManager,
  viewerId: string | undefined,
  before: string | undefined,
  limit: number,
): Promise<PostDetails[]> {
  const rows = await newestRows<PostDetailsRow>(em, POST_DETAILS_PAGE, viewerId, before, limit);
  return rows.map(toPostDetailsRow);
}

/** One live post in the REST shape, or undefined. */
export async function selectPostDetails(
  em: EntityManager,
  viewerId: string | undefined,
  id: string,
): Promise<PostDetails | undefined> {
  const row = await onePostRow<PostDetailsRow>(em, POST_DETAILS, viewerId, id);
  return row && toPostDetailsRow(row);
}

/** The author as embedded in REST post and comment bodies. */
export function toAuthorSummary(user: UserRecord | null): AuthorSummary | null {
  return user
    ? {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        avatarUrl: user.avatarUrl,
      }
    : null;
}

/**
 * The REST post shape (DESIGN §4): the author embedded, no `authorId`. Built field by field:
 * rest destructuring and spreads of these records cost microseconds each in V8 (per post).
 */
export function postDetailsOf(
  post: PostRecord,
  author: AuthorSummary | null,
  viewerHasLiked: boolean,
): PostDetails {
  return {
    id: post.id,
    title: post.title,
    content: post.content,
    mediaUrl: post.mediaUrl,
    likeCount: post.likeCount,
    commentCount: post.commentCount,
    shareCount: post.shareCount,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    author,
    viewerHasLiked,
  };
}

/** The REST post shape of a loaded post. */
export function toPostDetails(post: LoadedPost): PostDetails {
  return postDetailsOf(post, toAuthorSummary(post.author), post.viewerHasLiked);
}

const SELECT_POSTS_BY_IDS = `
  SELECT ${POST_COLUMNS} FROM posts WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL`;

/** Live posts among these ids, in the order given (deleted and unknown ids are skipped). */
export async function selectPostsByIds(em: EntityManager, ids: string[]): Promise<PostRecord[]> {
  const rows = await runNamed<PostRecord>(em, 'posts.by_ids', SELECT_POSTS_BY_IDS, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
