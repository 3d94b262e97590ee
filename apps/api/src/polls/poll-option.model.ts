import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('PollOption')
export class PollOptionModel {
  @ApiProperty({ example: '12' })
  @Field(() => ID)
  id!: string;

  @ApiProperty({ example: 'Tabs' })
  @Field()
  text!: string;

  /** 0-based order as created. */
  @ApiProperty({ example: 0 })
  @Field(() => Int)
  position!: number;

  /** null while totals are hidden from the viewer. */
  @ApiProperty({ type: Number, nullable: true, example: 7 })
  @Field(() => Int, { nullable: true })
  votesCount!: number | null;

  /** Share of all votes in percent, one decimal (0 without votes); null while hidden. */
  @ApiProperty({ type: Number, nullable: true, example: 58.3 })
  @Field(() => Float, { nullable: true })
  percentage!: number | null;
}
