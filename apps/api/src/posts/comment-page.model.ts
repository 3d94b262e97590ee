import { Field, ObjectType } from '@nestjs/graphql';
import { CommentModel } from './comment.model';

/** Oldest first. Pass `nextCursor` as `after` for the next page; null on the last page. */
@ObjectType('CommentPage')
export class CommentPageModel {
  @Field(() => [CommentModel])
  data!: CommentModel[];

  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}
