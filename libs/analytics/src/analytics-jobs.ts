import { OutboxJob, QUEUES } from '@nexus/core';

/** Jobs of the `analytics` queue. */
export const ANALYTICS_JOBS = {
  /** One interaction (like, comment, share...) counted into post_stats_daily. */
  event: 'event',
  /** Scheduled: move view counters from Redis into post_stats_daily. */
  flushViews: 'flush-views',
  /** Scheduled: recompute the trending sorted sets. */
  refreshTrending: 'refresh-trending',
} as const;

export const ANALYTICS_EVENT_TYPES = [
  'post.created',
  'post.liked',
  'post.unliked',
  'post.commented',
  'post.shared',
] as const;

export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

export interface AnalyticsEventData {
  type: AnalyticsEventType;
  postId: string;
  actorId: string;
  /** When it happened (ISO-8601): the row's own timestamp, so a retry sends the same event. */
  occurredAt: string;
  /** The row the event is about (comment or share id) when it has its own id. */
  subjectId?: string;
}

/** Deterministic: the same interaction always yields the same id, so duplicates are dropped. */
export function analyticsJobId(event: AnalyticsEventData): string {
  const stamp = Date.parse(event.occurredAt);
  return ['analytics', event.type, event.postId, event.actorId, event.subjectId ?? stamp].join('.');
}

export function analyticsOutboxJob(event: AnalyticsEventData): OutboxJob {
  return {
    queue: QUEUES.analytics,
    name: ANALYTICS_JOBS.event,
    jobId: analyticsJobId(event),
    data: event,
  };
}
