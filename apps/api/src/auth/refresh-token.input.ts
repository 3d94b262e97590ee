import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class RefreshTokenInput {
  /** The refresh token from login, register or the previous refresh. Single use. */
  @Field()
  @IsString()
  @MaxLength(100)
  refreshToken!: string;
}
