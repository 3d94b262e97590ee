/** Jobs of the `maintenance` queue, run by the worker's job schedulers. */
export const MAINTENANCE_JOBS = {
  purgeRefreshTokens: 'purge-refresh-tokens',
  trimTimelines: 'trim-timelines',
  cleanQueues: 'clean-queues',
  pruneAnalyticsEvents: 'prune-analytics-events',
} as const;
