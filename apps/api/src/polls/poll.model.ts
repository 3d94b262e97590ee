import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { POLL_STATUSES } from '@nexus/polls';
import type { PollStatus } from '@nexus/polls';
import { PollOptionModel } from './poll-option.model';

/** GraphQL enum named after the values of POLL_STATUSES. */
export const PollStatusEnum = Object.fromEntries(POLL_STATUSES.map((s) => [s, s])) as {
  [K in PollStatus]: K;
};
registerEnumType(PollStatusEnum, {
  name: 'PollStatus',
  description:
    'From timestamps: CLOSED once closedAt or expiresAt passed, SCHEDULED before startsAt',
});

@ObjectType('Poll')
export class PollModel {
  @ApiProperty({ example: '42' })
  @Field(() => ID)
  id!: string;

  /** REST only carries the id; GraphQL also resolves `author`. */
  @ApiProperty({ example: '7' })
  @Field(() => ID)
  authorId!: string;

  @ApiProperty({ example: 'Tabs or spaces?' })
  @Field()
  question!: string;

  @ApiProperty({ type: String, nullable: true, example: 'For the style guide' })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @ApiProperty({ enum: POLL_STATUSES, example: 'ACTIVE' })
  @Field(() => PollStatusEnum)
  status!: PollStatus;

  @ApiProperty({ example: false })
  @Field()
  allowsMultiple!: boolean;

  /** Totals are hidden from everyone but the author and admins until the poll closes. */
  @ApiProperty({ example: false })
  @Field()
  hideTotals!: boolean;

  @ApiProperty({ example: '2026-05-01T12:00:00.000Z' })
  @Field()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true, example: null })
  @Field(() => Date, { nullable: true })
  startsAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: '2026-05-02T12:00:00.000Z' })
  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  /** Chosen options over all ballots (a multiple-choice ballot counts each); null while hidden. */
  @ApiProperty({ type: Number, nullable: true, example: 12 })
  @Field(() => Int, { nullable: true })
  votesCount!: number | null;

  /** Ballots; null while hidden. */
  @ApiProperty({ type: Number, nullable: true, example: 12 })
  @Field(() => Int, { nullable: true })
  votersCount!: number | null;

  @Field(() => [PollOptionModel])
  options!: PollOptionModel[];

  /** The viewer's choices: [] when anonymous or not voted; null in pollUpdated messages. */
  @ApiProperty({ type: [String], nullable: true, example: ['12'] })
  @Field(() => [ID], { nullable: true })
  viewerOptionIds!: string[] | null;
}
