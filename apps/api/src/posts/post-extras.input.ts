import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

/** The optional post fields, shared by create and update (null clears them on update). */
@InputType({ isAbstract: true })
@ArgsType()
export class PostExtrasInput {
  /** Optional headline, up to 200 characters. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  /** An http(s) URL; javascript:, data: and other schemes are rejected. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'mediaUrl must be an http(s) URL' },
  )
  @MaxLength(2048)
  mediaUrl?: string | null;
}
