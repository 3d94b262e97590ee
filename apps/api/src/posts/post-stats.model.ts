import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PostStatsTotals')
export class PostStatsTotalsModel {
  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  likes!: number;

  @Field(() => Int)
  comments!: number;

  @Field(() => Int)
  shares!: number;
}

@ObjectType('PostDailyStats')
export class PostDailyStatsModel extends PostStatsTotalsModel {
  /** UTC day, YYYY-MM-DD. */
  @Field()
  day!: string;
}

/**
 * The last 30 days. Views are flushed from Redis every ANALYTICS_FLUSH_INTERVAL_MS, so the
 * newest few seconds of views may not show yet; likes count likes given that day (an unlike
 * does not subtract).
 */
@ObjectType('PostStats')
export class PostStatsModel {
  @Field(() => ID)
  postId!: string;

  @Field(() => PostStatsTotalsModel)
  totals!: PostStatsTotalsModel;

  /** Newest first; days without activity are absent. */
  @Field(() => [PostDailyStatsModel])
  days!: PostDailyStatsModel[];
}
