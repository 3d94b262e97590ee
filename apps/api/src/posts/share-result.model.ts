import { Field, ObjectType } from '@nestjs/graphql';
import { PostModel } from './post.model';
import { ShareModel } from './share.model';

@ObjectType('SharePostPayload')
export class ShareResultModel {
  @Field(() => ShareModel)
  share!: ShareModel;

  @Field(() => PostModel)
  post!: PostModel;

  /** False when the caller had already shared the post: the existing share is returned. */
  @Field()
  created!: boolean;
}
