import { Field, ObjectType } from '@nestjs/graphql';
import { PostModel } from './post.model';

@ObjectType('CreatePostPayload')
export class CreatePostPayloadModel {
  @Field(() => PostModel)
  post!: PostModel;
}
