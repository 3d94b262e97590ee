import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

@InputType()
export class UpdateProfileInput {
  /** Shown instead of the username; up to 60 characters. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  displayName?: string | null;

  /** Up to 500 characters, stored and returned as plain text. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  bio?: string | null;

  /** Profile picture: an http(s) URL. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'avatarUrl must be an http(s) URL' },
  )
  @MaxLength(2048)
  avatarUrl?: string | null;
}
