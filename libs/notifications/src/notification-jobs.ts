/** The `notifications` queue's one job. The API and the poll lifecycle produce; the worker consumes. */
export const NOTIFY_JOB = 'notify';

export type NotificationType =
  'POST_LIKED' | 'POST_COMMENTED' | 'POST_SHARED' | 'POLL_CLOSED' | 'NEW_FOLLOWER';

/** One notification for one recipient. Ids are strings (bigint in SQL). */
export interface NotifyJobData {
  type: NotificationType;
  recipientId: string;
  actorId?: string;
  postId?: string;
  pollId?: string;
  commentId?: string;
}

/**
 * Deterministic job id: a retried request or a duplicated lifecycle job enqueues the same id,
 * which BullMQ drops while the first is kept (an hour after completion, see QueueModule).
 * The subject (comment, like, poll) is part of the key; the recipient always is.
 */
export function notifyJobId(job: NotifyJobData): string {
  const subject = job.commentId ?? job.pollId ?? job.postId ?? '-';
  return ['notify', job.type, subject, job.actorId ?? '-', job.recipientId].join('.');
}
