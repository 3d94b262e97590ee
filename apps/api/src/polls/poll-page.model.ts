import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { PollModel } from './poll.model';

@ObjectType('PollPage')
export class PollPageModel {
  @Field(() => [PollModel])
  data!: PollModel[];

  /** Pass as `after` for the next page; null on the last page. */
  @ApiProperty({ type: String, nullable: true, example: 'aWQ6NDE' })
  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}
