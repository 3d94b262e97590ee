import { HttpStatus } from '@nestjs/common';
import { DomainError, ValidationFailedError } from '@nexus/core';

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      HttpStatus.UNPROCESSABLE_ENTITY,
      'This Idempotency-Key was already used with a different request',
      [{ header: 'Idempotency-Key' }],
    );
  }
}

export class IdempotencyKeyInUseError extends DomainError {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_IN_USE',
      HttpStatus.CONFLICT,
      'A request with this Idempotency-Key is still being processed; retry shortly',
      [{ header: 'Idempotency-Key' }],
    );
  }
}

export class InvalidIdempotencyKeyError extends ValidationFailedError {
  constructor() {
    super(
      [{ field: 'Idempotency-Key', messages: ['must be 1–255 printable ASCII characters'] }],
      'Idempotency-Key must be 1–255 printable ASCII characters',
    );
  }
}
