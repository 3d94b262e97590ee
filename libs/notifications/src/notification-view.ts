/** Who caused a notification, as every client shows it. */
export interface NotificationActor {
  id: string;
  username: string;
  displayName: string | null;
  avatarUrl: string | null;
}

/** One notification as both doors and the subscription return it. */
export interface NotificationView {
  id: string;
  recipientId: string;
  type: string;
  actor: NotificationActor | null;
  postId: string | null;
  pollId: string | null;
  commentId: string | null;
  read: boolean;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotificationRow {
  id: string;
  recipient_id: string;
  type: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_display_name: string | null;
  actor_avatar_url: string | null;
  post_id: string | null;
  poll_id: string | null;
  comment_id: string | null;
  read_at: Date | null;
  created_at: Date;
}

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    recipientId: row.recipient_id,
    type: row.type,
    actor:
      row.actor_id && row.actor_username
        ? {
            id: row.actor_id,
            username: row.actor_username,
            displayName: row.actor_display_name,
            avatarUrl: row.actor_avatar_url,
          }
        : null,
    postId: row.post_id,
    pollId: row.poll_id,
    commentId: row.comment_id,
    read: row.read_at !== null,
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}
