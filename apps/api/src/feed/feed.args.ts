import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageRequest } from '@nexus/core';
import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { PageSizeInput } from '../common/pagination.input';

/** `feed(userId, first, after)`: the brief's plain list; `after` is the last post id seen. */
@ArgsType()
export class FeedArgs extends PageSizeInput {
  /** Optional; when given it must be the caller's own id. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  userId?: string;

  /** The id of the last post of the previous page. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId({ message: 'after must be the id of the last post seen' })
  after?: string;

  toPageRequest(): PageRequest {
    return { first: this.first!, after: this.after };
  }
}
