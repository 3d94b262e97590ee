import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { PaginationInput } from '../common/pagination.input';

/** `followers(userId, first, after)` and `following(...)`. */
@ArgsType()
export class FollowListArgs extends PaginationInput {
  @Field(() => ID)
  @IsEntityId()
  userId!: string;
}
