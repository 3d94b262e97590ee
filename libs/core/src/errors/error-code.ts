/**
 * Stable machine-readable error codes. Listed once; never renamed (clients switch on them).
 * INVALID_CREDENTIALS / INVALID_REFRESH_TOKEN are no longer sent as `code` (every 401 is
 * UNAUTHENTICATED) but stay here as the `details[0].reason` values.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'USERNAME_TAKEN',
  'EMAIL_TAKEN',
  'ALREADY_VOTED',
  'POLL_CLOSED',
  'POLL_NOT_OPEN',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
