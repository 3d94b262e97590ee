import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@nexus/auth';
import { PostRecord, TrendingPostsService } from '@nexus/posts';
import { DEFAULT_PAGE_SIZE } from '@nexus/core';
import { PostModel } from '../posts/post.model';
import { TrendingPostsInput, TrendingWindowEnum } from './trending-posts.input';

@Resolver(() => PostModel)
export class TrendingResolver {
  constructor(private readonly trending: TrendingPostsService) {}

  @Public()
  @Query(() => [PostModel], {
    description: 'Posts with the most recent likes, comments and shares, best first',
  })
  trendingPosts(@Args() args: TrendingPostsInput): Promise<PostRecord[]> {
    return this.trending.list(
      args.window ?? TrendingWindowEnum.DAY,
      args.first ?? DEFAULT_PAGE_SIZE,
    );
  }
}
