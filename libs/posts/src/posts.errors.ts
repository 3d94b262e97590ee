import { NotFoundError } from '@nexus/core';

/** Unknown and deleted posts look the same to everyone: 404. */
export class PostNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Post', id);
  }
}

export class CommentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Comment', id);
  }
}
