import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsNonBlankText } from '../common/is-non-blank-text.decorator';
import { PostExtrasInput } from './post-extras.input';

/** The REST body and the brief's `createPost(content: "...")` arguments. */
@InputType()
@ArgsType()
export class CreatePostInput extends PostExtrasInput {
  /** 1–5000 characters, not only whitespace. */
  @Field()
  @IsNonBlankText(5000)
  content!: string;
}
