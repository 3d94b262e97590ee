import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuthorSummaryModel } from './author-summary.model';

/**
 * A post. `author`, `viewerHasLiked` and `comments` are GraphQL field resolvers (batched per
 * request); REST embeds `author` and `viewerHasLiked` directly.
 */
@ObjectType('Post')
export class PostModel {
  /** @example "42" */
  @Field(() => ID)
  id!: string;

  /** @example "Launch day" */
  @Field(() => String, { nullable: true })
  title!: string | null;

  /** @example "Hello, Nexus!" */
  @Field()
  content!: string;

  /** An http(s) URL of an image or video. */
  @Field(() => String, { nullable: true })
  mediaUrl!: string | null;

  @Field(() => Int)
  likeCount!: number;

  @Field(() => Int)
  commentCount!: number;

  @Field(() => Int)
  shareCount!: number;

  @Field()
  createdAt!: Date;

  /** Changes only when the content is edited, not when counters move. */
  @Field()
  updatedAt!: Date;

  author!: AuthorSummaryModel | null;

  /** Whether the caller likes this post (false without a token). */
  viewerHasLiked!: boolean;
}
