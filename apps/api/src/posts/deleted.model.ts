import { Field, ID, ObjectType } from '@nestjs/graphql';

/** The id of what a delete mutation removed. */
@ObjectType('Deleted')
export class DeletedModel {
  @Field(() => ID)
  id!: string;
}
