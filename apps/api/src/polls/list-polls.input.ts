import { ArgsType, Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { POLL_STATUSES } from '@nexus/polls';
import type { PollStatus } from '@nexus/polls';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationInput } from '../common/pagination.input';
import { PollStatusEnum } from './poll.model';

/** GraphQL `polls(...)` arguments and the REST query string of GET /api/polls. */
@ArgsType()
export class ListPollsInput extends PaginationInput {
  /** Only polls in this status (computed from timestamps, as on each poll). */
  @ApiPropertyOptional({ enum: POLL_STATUSES })
  @Field(() => PollStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(POLL_STATUSES)
  status?: PollStatus;
}
