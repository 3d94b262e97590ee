import { OutboxJob, QUEUES } from '@nexus/core';

/** The `notifications` queue's one job. Posts, polls and follows produce; the worker consumes. */
export const NOTIFY_JOB = 'notify';

export const NOTIFICATION_TYPES = [
  'POST_LIKED',
  'POST_COMMENTED',
  'POST_SHARED',
  'POLL_CLOSED',
  'USER_FOLLOWED',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

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
 * The event, without its recipient: type, subject (comment, poll, post) and actor. Unique per
 * recipient in `notifications`, so the same event can never be stored twice for one person.
 */
export function notificationDedupeKey(job: NotifyJobData): string {
  const subject = job.commentId ?? job.pollId ?? job.postId ?? '-';
  return [job.type, subject, job.actorId ?? '-'].join('.');
}

/**
 * Deterministic job id: a retried request or a duplicated lifecycle job enqueues the same id,
 * which BullMQ drops while the first is kept (an hour after completion, see QueueModule).
 */
export function notifyJobId(job: NotifyJobData): string {
  return ['notify', notificationDedupeKey(job), job.recipientId].join('.');
}

/** Outbox rows for these notifications; self-notifications are dropped here. */
export function notifyOutboxJobs(jobs: NotifyJobData[]): OutboxJob[] {
  return jobs
    .filter((job) => job.recipientId !== job.actorId)
    .map((data) => ({
      queue: QUEUES.notifications,
      name: NOTIFY_JOB,
      jobId: notifyJobId(data),
      data,
    }));
}
