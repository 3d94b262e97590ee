import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import type { PostStats } from '@nexus/analytics';
import type { PostRecord } from '@nexus/posts';
import { PostStatsService } from '@nexus/posts';
import { PostStatsModel } from './post-stats.model';
import { PostModel } from './post.model';

@Resolver(() => PostModel)
export class PostStatsResolver {
  constructor(private readonly statsService: PostStatsService) {}

  @ResolveField(() => PostStatsModel, {
    nullable: true,
    description: 'Daily statistics (last 30 days): the author and admins only, null for others',
  })
  stats(
    @Parent() post: PostRecord,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<PostStats | null> {
    // One statement for every post of the response.
    return ctx.loaders
      .get<PostRecord, PostStats | null>('posts.stats', (posts) =>
        this.statsService.visibleTo(viewer, posts),
      )
      .load(post);
  }
}
