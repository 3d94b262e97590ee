/** Every BullMQ queue, named once. The API produces, the worker consumes. */
export const QUEUES = {
  system: 'system',
  feed: 'feed',
  notifications: 'notifications',
  analytics: 'analytics',
  polls: 'polls',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
