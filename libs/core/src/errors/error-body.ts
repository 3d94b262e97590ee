import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { STATUS_CODES } from 'node:http';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

/** The one error shape (DESIGN.md section 4). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  requestId?: string;
  details?: Record<string, unknown>[];
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function body(
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>[],
): ErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message, details };
}

// pg-pool's message when no connection became free within connectTimeoutMS.
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/** Maps anything thrown to the shared shape. Unknown errors become a bare 500: no stack, no SQL. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) return body(err.status, err.code, err.message, err.details);
  if (err instanceof ThrottlerException) {
    return body(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'Too many requests, slow down');
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code =
      CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    const response = err.getResponse();
    const message =
      status >= 500
        ? 'Internal server error'
        : typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : String((response as { message?: unknown }).message ?? err.message);
    return body(status, code, message);
  }
  if (err instanceof Error && err.message === POOL_TIMEOUT) {
    // Every pooled connection stayed busy past connectTimeoutMS: overload, not a bug; retryable.
    return body(
      HttpStatus.SERVICE_UNAVAILABLE,
      'SERVICE_UNAVAILABLE',
      'Database busy, retry shortly',
    );
  }
  if (isDataException(err)) {
    // Input PostgreSQL refused as data (bad encoding, out of range, invalid text for a type):
    // the client's fault, so a 400. The driver message may quote the value: not echoed.
    return body(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'A value is invalid or out of range', [
      { reason: 'INVALID_VALUE' },
    ]);
  }
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

/** SQLSTATE class 22 (data exception), from TypeORM's QueryFailedError or a bare pg error. */
export function isDataException(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const driverCode = (err as { driverError?: { code?: unknown } }).driverError?.code;
  const code = driverCode ?? (err as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** What may be logged about an unexpected error: its class, code and message, never stack or SQL. */
export function describeForLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const pgCode = (err as { code?: unknown }).code;
  const driverError = (err as { driverError?: { code?: string; constraint?: string } }).driverError;
  return {
    type: err.name,
    message: driverError ? 'database error' : err.message.slice(0, 300),
    code: driverError?.code ?? (typeof pgCode === 'string' ? pgCode : undefined),
    constraint: driverError?.constraint,
  };
}
