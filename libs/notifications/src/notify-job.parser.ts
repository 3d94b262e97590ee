import { InvalidJobPayloadError, JOB_ID_PATTERN as ID } from '@nexus/core';
import { NOTIFICATION_TYPES, NotificationType, NotifyJobData } from './notification-jobs';

const OPTIONAL_IDS = ['actorId', 'postId', 'pollId', 'commentId'] as const;

/** The job's data checked field by field; unknown fields are ignored. */
export function parseNotifyJob(data: unknown): NotifyJobData {
  const fail = (problem: string) => new InvalidJobPayloadError('notifications', problem);
  if (typeof data !== 'object' || data === null) throw fail('not an object');
  const raw = data as Record<string, unknown>;
  if (!NOTIFICATION_TYPES.includes(raw.type as NotificationType)) {
    throw fail(`type must be one of ${NOTIFICATION_TYPES.join(', ')}`);
  }
  if (typeof raw.recipientId !== 'string' || !ID.test(raw.recipientId)) {
    throw fail('recipientId must be a numeric id string');
  }
  const job: NotifyJobData = { type: raw.type as NotificationType, recipientId: raw.recipientId };
  for (const key of OPTIONAL_IDS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !ID.test(value))
      throw fail(`${key} must be a numeric id string`);
    job[key] = value;
  }
  if (job.type !== 'POLL_CLOSED' && !job.actorId) throw fail(`${job.type} needs an actorId`);
  if (job.type.startsWith('POST_') && !job.postId) throw fail(`${job.type} needs a postId`);
  if (job.type === 'POLL_CLOSED' && !job.pollId) throw fail('POLL_CLOSED needs a pollId');
  return job;
}
