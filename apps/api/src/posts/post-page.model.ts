import { Field, ObjectType } from '@nestjs/graphql';
import { PostModel } from './post.model';

/** Newest first. Pass `nextCursor` as `after` for the next page; null on the last page. */
@ObjectType('PostPage')
export class PostPageModel {
  @Field(() => [PostModel])
  data!: PostModel[];

  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}
