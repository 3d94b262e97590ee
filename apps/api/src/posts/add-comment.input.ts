import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';
import { CommentBodyInput } from './comment-body.input';

@InputType()
export class AddCommentInput extends CommentBodyInput {
  @Field(() => ID)
  @IsEntityId()
  postId!: string;
}
