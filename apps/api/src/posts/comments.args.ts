import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { PaginationInput } from '../common/pagination.input';

@ArgsType()
export class CommentsArgs extends PaginationInput {
  @Field(() => ID)
  @IsEntityId()
  postId!: string;
}
