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
  /** Always a list of objects: [{ field, messages }] for VALIDATION_FAILED, [{ resource, id }] for NOT_FOUND, … */
  details?: Record<string, unknown>[];
}
