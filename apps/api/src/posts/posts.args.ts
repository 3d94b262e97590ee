import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { PaginationInput } from '../common/pagination.input';

@ArgsType()
export class PostsArgs extends PaginationInput {
  /** Only this author's posts. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  authorId?: string;
}
