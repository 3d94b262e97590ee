import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

/** Newest follow first. Pass `nextCursor` as `after` for the next page; null on the last page. */
@ObjectType('UserPage')
export class UserPageModel {
  @Field(() => [UserModel])
  data!: UserModel[];

  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}
