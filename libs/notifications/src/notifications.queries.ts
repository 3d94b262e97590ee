import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { NotificationRow } from './notification-view';

const COLUMNS = `n.id, n.recipient_id, n.type, n.actor_id, a.username AS actor_username,
  a.display_name AS actor_display_name, a.avatar_url AS actor_avatar_url,
  n.post_id, n.poll_id, n.comment_id, n.read_at, n.created_at`;

// The unique (recipient_id, dedupe_key) decides duplicates, not a prior SELECT: a retried or
// duplicated job inserts nothing. No notification to yourself, none from someone you blocked,
// none for a recipient or actor deleted since the job was queued.
const INSERT_NOTIFICATION = `
  WITH ins AS (
    INSERT INTO notifications (recipient_id, type, actor_id, post_id, poll_id, comment_id, dedupe_key)
    SELECT $1, $2, $3, $4, $5, $6, $7
    WHERE $1::bigint IS DISTINCT FROM $3::bigint
      AND EXISTS (SELECT 1 FROM users WHERE id = $1)
      AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $3))
      AND NOT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = $3)
    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
    RETURNING *)
  SELECT ${COLUMNS} FROM ins AS n LEFT JOIN users a ON a.id = n.actor_id`;

const SELECT_PAGE = `
  SELECT ${COLUMNS} FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
  WHERE n.recipient_id = $1 AND ($2::bigint IS NULL OR n.id < $2)
    AND (NOT $3::boolean OR n.read_at IS NULL)
  ORDER BY n.id DESC LIMIT $4`;

const COUNT_UNREAD = `
  SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`;

// Only the recipient's own rows: ids of someone else's notifications match nothing.
const MARK_READ = `
  UPDATE notifications SET read_at = now()
  WHERE recipient_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2))`;

export interface NewNotification {
  recipientId: string;
  type: string;
  actorId: string | null;
  postId: string | null;
  pollId: string | null;
  commentId: string | null;
  dedupeKey: string;
}

export async function insertNotification(
  em: EntityManager,
  n: NewNotification,
): Promise<NotificationRow | null> {
  const rows = await runNamed<NotificationRow>(em, 'notifications.insert', INSERT_NOTIFICATION, [
    n.recipientId,
    n.type,
    n.actorId,
    n.postId,
    n.pollId,
    n.commentId,
    n.dedupeKey,
  ]);
  return rows[0] ?? null;
}

export function selectNotificationPage(
  em: EntityManager,
  recipientId: string,
  after: string | undefined,
  unreadOnly: boolean,
  limit: number,
): Promise<NotificationRow[]> {
  return runNamed<NotificationRow>(em, 'notifications.page', SELECT_PAGE, [
    recipientId,
    after ?? null,
    unreadOnly,
    limit,
  ]);
}

export async function countUnread(em: EntityManager, recipientId: string): Promise<number> {
  const rows = await runNamed<{ count: number }>(em, 'notifications.unread', COUNT_UNREAD, [
    recipientId,
  ]);
  return rows[0].count;
}

export async function markRead(
  em: EntityManager,
  recipientId: string,
  ids: string[] | null,
): Promise<number> {
  const [, affected] = (await em.query(MARK_READ, [recipientId, ids])) as [unknown, number];
  return affected;
}
