import { ErrorCode } from '@nexus/core';

/** The one error shape of every REST error response. */
export class ErrorResponse {
  /** HTTP status, repeated in the body. */
  statusCode!: number;
  /** HTTP reason phrase. */
  error!: string;
  /** Stable machine-readable code, e.g. VALIDATION_FAILED, ALREADY_VOTED. */
  code!: ErrorCode;
  /** Human-readable explanation. */
  message!: string;
  /** Same value as the x-request-id response header. */
  requestId!: string;
  /**
   * Always an array of objects when present: VALIDATION_FAILED `[{ field, messages }]`, NOT_FOUND
   * `[{ resource, id }]`, conflicts `[{ pollId }]`, UNAUTHENTICATED `[{ reason }]`.
   * @example [{ "field": "content", "messages": ["content must not contain the NUL character (U+0000)"] }]
   */
  details?: Record<string, unknown>[];
}
