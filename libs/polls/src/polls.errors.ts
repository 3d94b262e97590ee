import { HttpStatus } from '@nestjs/common';
import { DomainError, NotFoundError, ValidationFailedError } from '@nexus/core';

export class PollNotFoundError extends NotFoundError {
  constructor(pollId: string) {
    super('Poll', pollId);
  }
}

export class AlreadyVotedError extends DomainError {
  constructor(pollId: string) {
    super('ALREADY_VOTED', HttpStatus.CONFLICT, 'You have already voted in this poll', [
      { pollId },
    ]);
  }
}

export class PollClosedError extends DomainError {
  constructor(pollId: string) {
    super('POLL_CLOSED', HttpStatus.CONFLICT, 'This poll is closed', [{ pollId }]);
  }
}

export class PollNotOpenError extends DomainError {
  constructor(pollId: string, startsAt: Date | null) {
    super('POLL_NOT_OPEN', HttpStatus.CONFLICT, 'This poll has not started yet', [
      { pollId, startsAt: startsAt?.toISOString() ?? null },
    ]);
  }
}

/** A ballot naming options the poll does not have, or several on a single-choice poll. */
export class InvalidBallotError extends ValidationFailedError {
  constructor(message: string) {
    super([{ field: 'optionIds', messages: [message] }], message);
  }
}
