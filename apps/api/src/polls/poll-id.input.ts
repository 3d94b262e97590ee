import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId } from '../common/is-entity-id.decorator';

/** Names one poll (closePoll, deletePoll). */
@InputType()
export class PollIdInput {
  @Field(() => ID)
  @IsEntityId()
  pollId!: string;
}
