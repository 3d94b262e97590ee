import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/is-entity-id.decorator';

@ArgsType()
export class UserLookupArgs {
  @Field(() => ID, { nullable: true })
  @ValidateIf((o: UserLookupArgs) => !o.username)
  @IsEntityId({ message: 'id must be a positive integer id (or give username)' })
  id?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{3,30}$/, {
    message: 'username must be 3-30 characters of letters, digits and _',
  })
  username?: string;
}
