import { Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';

/** Names one poll (closePoll, deletePoll). */
@InputType()
export class PollIdInput {
  @Field(() => ID)
  @Matches(/^[1-9]\d{0,17}$/, { message: 'pollId must be a positive integer id' })
  pollId!: string;
}
