import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import type { UserRecord } from './user-view';

/** A user's public row (never the password hash), aliased to UserRecord; `u` = users. */
export const USER_COLUMNS = `u.id, u.username::text AS username, u.email::text AS email,
  u.display_name AS "displayName", u.bio, u.avatar_url AS "avatarUrl", u.role,
  u.followers_count AS "followersCount", u.following_count AS "followingCount",
  u.posts_count AS "postsCount", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

const USERS_BY_IDS = `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::bigint[])`;

// Named and raw: the DataLoader batch behind every `author` field. TypeORM's findBy built and
// hydrated entities per call (about 5% of the API's CPU on the nested GraphQL page).
export function selectUsersByIds(em: EntityManager, ids: readonly string[]) {
  return runNamed<UserRecord>(em, 'users.by_ids', USERS_BY_IDS, [ids]);
}
