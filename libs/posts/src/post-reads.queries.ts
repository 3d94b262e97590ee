import { runNamed } from '@nexus/core';
import type { UserRecord } from '@nexus/users';
import { EntityManager } from 'typeorm';
import { AUTHOR_COLUMNS, AuthorColumns, authorOf } from './author-columns';
import type { LoadedComment } from './comments.queries';
import type { AuthorSummary, PostDetails, PostRecord } from './post-record';
import { POST_COLUMNS } from './posts.queries';

/** A post read together with its author and the viewer's like state (one statement). */
export interface LoadedPost extends PostRecord {
  author: UserRecord | null;
  viewerHasLiked: boolean;
}

// p = the post, u = its author (a_ columns), $2 = the viewer (null: nobody, so false).
export const LOADED_POST_COLUMNS = `p.id, p.author_id AS "authorId", p.title, p.content,
  p.media_url AS "mediaUrl", p.like_count AS "likeCount", p.comment_count AS "commentCount",
  p.share_count AS "shareCount", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  ${AUTHOR_COLUMNS},
  EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $2::bigint) AS liked`;

// The newest page in one round trip instead of three (page, authors, likes): every statement
// costs a socket write and a backend wake-up, the largest per-request cost in the bench.
const LOADED_POST_PAGE = `
  SELECT ${LOADED_POST_COLUMNS} FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;

const LOADED_POST = `
  SELECT ${LOADED_POST_COLUMNS} FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

// The same page with each post's first $4 comments and their authors as JSON (ids as text, the
// order and limit of comments.first_of_posts_with_authors): a nested page in one round trip.
const LOADED_POST_PAGE_WITH_COMMENTS = `
  SELECT ${LOADED_POST_COLUMNS},
    (SELECT json_agg(json_build_object(
        'id', cm.id::text, 'postId', cm.post_id::text, 'authorId', cm.author_id::text,
        'content', cm.content, 'createdAt', cm.created_at,
        'author', CASE WHEN cu.id IS NULL THEN NULL ELSE json_build_object(
          'id', cu.id::text, 'username', cu.username::text, 'email', cu.email::text,
          'displayName', cu.display_name, 'bio', cu.bio, 'avatarUrl', cu.avatar_url,
          'role', cu.role, 'followersCount', cu.followers_count,
          'followingCount', cu.following_count, 'postsCount', cu.posts_count,
          'createdAt', cu.created_at, 'updatedAt', cu.updated_at) END) ORDER BY cm.id)
     FROM (SELECT * FROM comments WHERE post_id = p.id ORDER BY id LIMIT $4) cm
     LEFT JOIN users cu ON cu.id = cm.author_id) AS comments
  FROM posts p LEFT JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;

/** Larger than any bigint id: "no cursor" without a second statement text. */
const NO_CURSOR = '9223372036854775807';

export interface LoadedPostRow extends PostRecord, AuthorColumns {
  liked: boolean;
}

export function toLoadedPost(r: LoadedPostRow): LoadedPost {
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
    author: authorOf(r.authorId, r),
    viewerHasLiked: r.liked,
  };
}

export async function selectLoadedPostPage(
  em: EntityManager,
  viewerId: string | undefined,
  before: string | undefined,
  limit: number,
): Promise<LoadedPost[]> {
  const rows = await runNamed<LoadedPostRow>(em, 'posts.loaded_page', LOADED_POST_PAGE, [
    before ?? NO_CURSOR,
    viewerId ?? null,
    limit,
  ]);
  return rows.map(toLoadedPost);
}

type JsonUser = Omit<UserRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};
type JsonComment = Omit<LoadedComment, 'createdAt' | 'author'> & {
  createdAt: string;
  author: JsonUser | null;
};

function userFromJson(u: JsonUser): UserRecord {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    displayName: u.displayName,
    bio: u.bio,
    avatarUrl: u.avatarUrl,
    role: u.role,
    followersCount: u.followersCount,
    followingCount: u.followingCount,
    postsCount: u.postsCount,
    createdAt: new Date(u.createdAt),
    updatedAt: new Date(u.updatedAt),
  };
}

function commentFromJson(c: JsonComment): LoadedComment {
  return {
    id: c.id,
    postId: c.postId,
    authorId: c.authorId,
    content: c.content,
    createdAt: new Date(c.createdAt),
    author: c.author && userFromJson(c.author),
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
  const rows = await runNamed<LoadedPostRow & { comments: JsonComment[] | null }>(
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
): Promise<LoadedPost | undefined> {
  const [row] = await runNamed<LoadedPostRow>(em, 'posts.loaded', LOADED_POST, [
    id,
    viewerId ?? null,
  ]);
  return row && toLoadedPost(row);
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
  author: UserRecord | null,
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
    author: toAuthorSummary(author),
    viewerHasLiked,
  };
}

/** The REST post shape of a loaded post. */
export function toPostDetails(post: LoadedPost): PostDetails {
  return postDetailsOf(post, post.author, post.viewerHasLiked);
}

const SELECT_POSTS_BY_IDS = `
  SELECT ${POST_COLUMNS} FROM posts WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL`;

/** Live posts among these ids, in the order given (deleted and unknown ids are skipped). */
export async function selectPostsByIds(em: EntityManager, ids: string[]): Promise<PostRecord[]> {
  const rows = await runNamed<PostRecord>(em, 'posts.by_ids', SELECT_POSTS_BY_IDS, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
