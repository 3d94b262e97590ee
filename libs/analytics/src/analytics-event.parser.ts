import { InvalidJobPayloadError, JOB_ID_PATTERN } from '@nexus/core';
import { ANALYTICS_EVENT_TYPES, AnalyticsEventData, AnalyticsEventType } from './analytics-jobs';

/** The job's data checked field by field; a malformed event fails at once (no retries). */
export function parseAnalyticsEvent(data: unknown): AnalyticsEventData {
  const fail = (problem: string) => new InvalidJobPayloadError('analytics', problem);
  if (typeof data !== 'object' || data === null) throw fail('not an object');
  const raw = data as Record<string, unknown>;
  if (!ANALYTICS_EVENT_TYPES.includes(raw.type as AnalyticsEventType)) {
    throw fail(`type must be one of ${ANALYTICS_EVENT_TYPES.join(', ')}`);
  }
  for (const key of ['postId', 'actorId'] as const) {
    if (typeof raw[key] !== 'string' || !JOB_ID_PATTERN.test(raw[key])) {
      throw fail(`${key} must be a numeric id string`);
    }
  }
  if (typeof raw.occurredAt !== 'string' || Number.isNaN(Date.parse(raw.occurredAt))) {
    throw fail('occurredAt must be an ISO-8601 time');
  }
  if (
    raw.subjectId !== undefined &&
    (typeof raw.subjectId !== 'string' || !JOB_ID_PATTERN.test(raw.subjectId))
  ) {
    throw fail('subjectId must be a numeric id string');
  }
  return {
    type: raw.type as AnalyticsEventType,
    postId: raw.postId as string,
    actorId: raw.actorId as string,
    occurredAt: raw.occurredAt,
    subjectId: raw.subjectId as string | undefined,
  };
}
