import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

@ObjectType('AuthPayload')
export class AuthPayload {
  /** JWT for `Authorization: Bearer <token>` (or `JWT <token>`). */
  @Field()
  accessToken!: string;

  /** Opaque, single-use; exchange it at refreshToken / POST /api/auth/refresh. */
  @Field()
  refreshToken!: string;

  /** Seconds until the access token expires. */
  @Field(() => Int)
  expiresIn!: number;

  @Field(() => UserModel)
  user!: UserModel;
}
