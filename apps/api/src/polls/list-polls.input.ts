import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@nexus/core';
import { POLL_STATUSES } from '@nexus/polls';
import type { PollStatus } from '@nexus/polls';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PollStatusEnum } from './poll.model';

/** GraphQL `polls(...)` arguments and the REST query string of GET /api/polls. */
@ArgsType()
export class ListPollsInput {
  /** Only polls in this status (computed from timestamps, as on each poll). */
  @ApiPropertyOptional({ enum: POLL_STATUSES })
  @Field(() => PollStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(POLL_STATUSES)
  status?: PollStatus;

  /** Page size, 1–100 (default 20). */
  @ApiPropertyOptional({
    type: Number,
    default: DEFAULT_PAGE_SIZE,
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
  })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  /** nextCursor of the previous page. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;
}
