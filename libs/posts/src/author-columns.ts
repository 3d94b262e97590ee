import type { UserRecord } from '@nexus/users';

/** The author (users `u`) beside a post or comment row, as `a_` columns. */
export const AUTHOR_COLUMNS = `u.username::text AS a_username, u.email::text AS a_email,
  u.display_name AS a_display_name, u.bio AS a_bio, u.avatar_url AS a_avatar_url,
  u.role AS a_role, u.followers_count AS a_followers_count,
  u.following_count AS a_following_count, u.posts_count AS a_posts_count,
  u.created_at AS a_created_at, u.updated_at AS a_updated_at`;

/** Only what a REST body shows of the author (`AuthorSummary`), as the same `a_` columns. */
export const AUTHOR_SUMMARY_COLUMNS = `u.username::text AS a_username,
  u.display_name AS a_display_name, u.avatar_url AS a_avatar_url`;

export type AuthorSummaryColumns = Pick<
  AuthorColumns,
  'a_username' | 'a_display_name' | 'a_avatar_url'
>;

export interface AuthorColumns {
  a_username: string | null;
  a_email: string;
  a_display_name: string | null;
  a_bio: string | null;
  a_avatar_url: string | null;
  a_role: UserRecord['role'];
  a_followers_count: number;
  a_following_count: number;
  a_posts_count: number;
  a_created_at: Date;
  a_updated_at: Date;
}

/** The author of a joined row; null when the LEFT JOIN found none. */
export function authorOf(id: string, r: AuthorColumns): UserRecord | null {
  if (r.a_username === null) return null;
  return {
    id,
    username: r.a_username,
    email: r.a_email,
    displayName: r.a_display_name,
    bio: r.a_bio,
    avatarUrl: r.a_avatar_url,
    role: r.a_role,
    followersCount: r.a_followers_count,
    followingCount: r.a_following_count,
    postsCount: r.a_posts_count,
    createdAt: r.a_created_at,
    updatedAt: r.a_updated_at,
  };
}
