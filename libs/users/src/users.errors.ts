import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nexus/core';

export class UsernameTakenError extends DomainError {
  constructor() {
    super('USERNAME_TAKEN', HttpStatus.CONFLICT, 'This username is already taken', [
      { field: 'username', messages: ['username is already taken'] },
    ]);
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', HttpStatus.CONFLICT, 'This email is already registered', [
      { field: 'email', messages: ['email is already registered'] },
    ]);
  }
}
