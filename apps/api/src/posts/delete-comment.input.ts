import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';

@InputType()
export class DeleteCommentInput {
  @Field(() => ID)
  @IsEntityId()
  commentId!: string;
}
