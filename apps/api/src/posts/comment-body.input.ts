import { Field, InputType } from '@nestjs/graphql';
import { IsNonBlankText } from '../common/is-non-blank-text.decorator';

/** The REST body of `POST /api/posts/:id/comments`. */
@InputType({ isAbstract: true })
export class CommentBodyInput {
  /** 1–2000 characters, not only whitespace. */
  @Field()
  @IsNonBlankText(2000)
  content!: string;
}
