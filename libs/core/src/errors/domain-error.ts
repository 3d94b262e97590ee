import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

/** A field that failed validation and why. */
export type FieldError = {
  field: string;
  messages: string[];
};

/** What services throw. Transport-neutral: the exception filter renders it for REST and GraphQL. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    message: string,
    // Always an array of objects (DESIGN §4): a client parses one shape whatever the status.
    readonly details?: Record<string, unknown>[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: FieldError[], message = 'Validation failed') {
    super('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id?: string) {
    super('NOT_FOUND', HttpStatus.NOT_FOUND, `${resource} not found`, [
      id ? { resource, id } : { resource },
    ]);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', HttpStatus.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', reason?: string) {
    super('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, message, reason ? [{ reason }] : undefined);
  }
}
