import { ApiProperty } from '@nestjs/swagger';
import type { PollStatus } from '@nexus/polls';
import { POLL_STATUSES } from '@nexus/polls';
import { PollOptionModel } from './poll-option.model';

/** GET /api/polls/:id/results: tallies only, hidden by the same rule as the poll. */
export class PollResultsModel {
  @ApiProperty({ example: '42' })
  pollId!: string;

  @ApiProperty({ enum: POLL_STATUSES, example: 'CLOSED' })
  status!: PollStatus;

  @ApiProperty({ type: Number, nullable: true, example: 12 })
  votesCount!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 12 })
  votersCount!: number | null;

  options!: PollOptionModel[];
}
