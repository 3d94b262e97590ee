import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nexus/core';

// Every 401 is UNAUTHENTICATED (DESIGN §4); `details[0].reason` tells which credential failed.

/** Same error, same message for unknown user and wrong password: no account enumeration. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, 'Invalid username/email or password', [
      { reason: 'INVALID_CREDENTIALS' },
    ]);
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super(
      'UNAUTHENTICATED',
      HttpStatus.UNAUTHORIZED,
      'Refresh token is invalid, expired or revoked',
      [{ reason: 'INVALID_REFRESH_TOKEN' }],
    );
  }
}
