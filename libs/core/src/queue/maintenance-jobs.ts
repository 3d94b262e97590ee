/** Jobs of the `maintenance` queue, run by the worker's job schedulers. */
export const MAINTENANCE_JOBS = {
  purgeRefreshTokens: 'purge-refresh-tokens',
} as const;
