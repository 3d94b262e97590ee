import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

/** One class for the REST body and for the brief's `createUser(username, email, password)` arguments. */
@InputType()
@ArgsType()
export class RegisterInput {
  /** 3–30 letters, digits or underscores; unique case-insensitively. */
  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9_]{3,30}$/, {
    message: 'username must be 3-30 characters of letters, digits and _',
  })
  username!: string;

  /** Unique case-insensitively. */
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /** 8–128 characters. */
  @Field()
  @IsString()
  @Length(8, 128, { message: 'password must be 8-128 characters' })
  password!: string;
}
