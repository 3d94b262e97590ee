import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageSizeInput } from '../common/pagination.input';

export enum TrendingWindowEnum {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(TrendingWindowEnum, {
  name: 'TrendingWindow',
  description: 'Interactions of the last hour or the last day, with time decay',
});

/** GraphQL `trendingPosts(...)` arguments and the REST query string of GET /api/trending/posts. */
@ArgsType()
export class TrendingPostsInput extends PageSizeInput {
  @ApiPropertyOptional({ enum: TrendingWindowEnum, default: TrendingWindowEnum.DAY })
  @Field(() => TrendingWindowEnum, { nullable: true, defaultValue: TrendingWindowEnum.DAY })
  @IsOptional()
  @IsIn(Object.values(TrendingWindowEnum))
  window?: TrendingWindowEnum = TrendingWindowEnum.DAY;
}
