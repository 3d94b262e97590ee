import { Field, InputType } from '@nestjs/graphql';
import { ValidateIf } from 'class-validator';
import { IsNonBlankText } from '../common/is-non-blank-text.decorator';
import { PostExtrasInput } from './post-extras.input';

/** The PATCH body: only the fields that change; content may be omitted but never null. */
@InputType({ isAbstract: true })
export class PostChangesInput extends PostExtrasInput {
  /** 1–5000 characters, not only whitespace. */
  @Field(() => String, { nullable: true })
  @ValidateIf((o: PostChangesInput) => o.content !== undefined)
  @IsNonBlankText(5000)
  content?: string;
}
