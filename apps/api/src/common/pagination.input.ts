import { ArgsType, Field, Int } from '@nestjs/graphql';
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  MAX_PAGE_SIZE,
  PageRequest,
  RememberValid,
} from '@nexus/core';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * `first` alone: nested lists that are not paged further (e.g. a post's first comments).
 * Every page input extends it and keeps to flat values checked without I/O (@RememberValid).
 */
@ArgsType()
@RememberValid()
export class PageSizeInput {
  /** Page size: 1–100, default 20. */
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number = DEFAULT_PAGE_SIZE;
}

/** `first` and `after` for every list: GraphQL arguments and REST query parameters alike. */
@ArgsType()
export class PaginationInput extends PageSizeInput {
  /** The `nextCursor` of the previous page. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  toPageRequest(): PageRequest {
    return { first: this.first ?? DEFAULT_PAGE_SIZE, after: decodeCursor(this.after) };
  }
}
