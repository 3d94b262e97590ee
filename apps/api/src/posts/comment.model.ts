import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuthorSummaryModel } from './author-summary.model';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  postId!: string;

  /** @example "Congratulations!" */
  @Field()
  content!: string;

  @Field()
  createdAt!: Date;

  author!: AuthorSummaryModel | null;
}
