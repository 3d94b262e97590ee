import { Field, ObjectType } from '@nestjs/graphql';
import { PostModel } from '../posts/post.model';

/** A new post entered the subscriber's feed. */
@ObjectType('FeedUpdate')
export class FeedUpdateModel {
  @Field(() => PostModel)
  post!: PostModel;
}
