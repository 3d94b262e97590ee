import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsArray } from 'class-validator';
import { IsEntityId } from '../common/is-entity-id.decorator';

/** A ballot: one option, or several on a multiple-choice poll. */
@InputType()
export class VoteInput {
  @Field(() => ID)
  @IsEntityId()
  pollId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @IsEntityId({ each: true, message: 'each optionIds entry must be a positive integer id' })
  optionIds!: string[];
}
