/** The `analytics` queue's interaction event job; the worker aggregates them into daily stats. */
export const ANALYTICS_EVENT_JOB = 'event';

export type AnalyticsEventType =
  'post.created' | 'post.liked' | 'post.unliked' | 'post.commented' | 'post.shared';

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
