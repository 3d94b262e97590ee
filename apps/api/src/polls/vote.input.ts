import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, Matches } from 'class-validator';

const ID_PATTERN = /^[1-9]\d{0,17}$/;

/** A ballot: one option, or several on a multiple-choice poll. */
@InputType()
export class VoteInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'pollId must be a positive integer id' })
  pollId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @Matches(ID_PATTERN, {
    each: true,
    message: 'each optionIds entry must be a positive integer id',
  })
  optionIds!: string[];
}
