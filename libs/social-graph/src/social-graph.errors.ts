import { HttpStatus } from '@nestjs/common';
import { DomainError, ForbiddenError } from '@nexus/core';

/** Following or blocking yourself: a 400 on the `userId` field, nothing written. */
export class SelfRelationError extends DomainError {
  constructor(action: 'follow' | 'block') {
    super('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, `You cannot ${action} yourself`, [
      { field: 'userId', messages: [`userId must not be your own id (cannot ${action} yourself)`] },
    ]);
  }
}

/** A block either way forbids a follow either way. */
export class FollowBlockedError extends ForbiddenError {
  constructor() {
    super('You cannot follow this user: one of you has blocked the other');
  }
}
