import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nexus/core';

/** Same error, same message for unknown user and wrong password: no account enumeration. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'Invalid username/email or password');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super(
      'INVALID_REFRESH_TOKEN',
      HttpStatus.UNAUTHORIZED,
      'Refresh token is invalid, expired or revoked',
    );
  }
}
