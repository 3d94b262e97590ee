import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

/** Log in by username or by email. */
@InputType()
export class LoginInput {
  @Field({ nullable: true })
  @ValidateIf((o: LoginInput) => o.email === undefined)
  @IsString({ message: 'username or email is required' })
  @MaxLength(30)
  username?: string;

  @Field({ nullable: true })
  @ValidateIf((o: LoginInput) => o.username === undefined)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  @Field()
  @IsString()
  @Length(1, 128)
  password!: string;
}
