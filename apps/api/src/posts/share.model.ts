import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Share')
export class ShareModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  postId!: string;

  @Field(() => ID)
  userId!: string;

  @Field()
  createdAt!: Date;
}
