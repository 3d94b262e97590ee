import { ApiProperty } from '@nestjs/swagger';
import type { ErrorCode } from '@nexus/core';
import { ERROR_CODES } from '@nexus/core';

/** The one error shape of every REST error response. */
export class ErrorResponse {
  /** HTTP status, repeated in the body. */
  @ApiProperty() // decorated like `code`, so the schema keeps the fields in this order
  statusCode!: number;
  /** HTTP reason phrase. */
  @ApiProperty()
  error!: string;
  /** Stable machine-readable code, e.g. VALIDATION_FAILED, ALREADY_VOTED. */
  // The list itself, in its own order: the plugin's enum follows TypeScript's union order, which
  // changes with the order the compiler happens to meet the literals.
  @ApiProperty({ enum: ERROR_CODES })
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
