import { Field, ObjectType } from '@nestjs/graphql';
import { PostModel } from './post.model';

@ObjectType('ToggleLikePayload')
export class ToggleLikePayloadModel {
  /** The caller's like state after the toggle. */
  @Field()
  liked!: boolean;

  @Field(() => PostModel)
  post!: PostModel;
}
