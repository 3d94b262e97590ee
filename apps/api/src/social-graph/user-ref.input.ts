import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';

/** Names one user: `follow`, `unfollow`, `block` and `unblock` take `input: { userId }`. */
@InputType()
export class UserRefInput {
  /** @example "7" */
  @Field(() => ID)
  @IsEntityId()
  userId!: string;
}
