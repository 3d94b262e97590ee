import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  /** Only visible to the user themselves (and admins); null otherwise. */
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  /** Profile picture URL (http or https). */
  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;

  /** `user` or `admin`. */
  @Field()
  role!: string;

  @Field(() => Int)
  followersCount!: number;

  @Field(() => Int)
  followingCount!: number;

  @Field(() => Int)
  postsCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
