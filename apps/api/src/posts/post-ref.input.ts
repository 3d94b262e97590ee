import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';

/** Names one post: `deletePost(input:)` and `sharePost(input:)`. */
@InputType()
export class PostRefInput {
  @Field(() => ID)
  @IsEntityId()
  postId!: string;
}
