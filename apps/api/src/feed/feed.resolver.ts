import { Args, Context, Info, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import { withFreshLoaders } from '@nexus/core';
import { FeedEvents, FeedService, FeedUpdatedEvent } from '@nexus/feed';
import { CommentsService } from '@nexus/posts';
import type { GraphQLResolveInfo } from 'graphql';
import { requestedAuthorDepth } from '../posts/author-lookahead';
import { postReaders } from '../posts/post.loaders';
import { PostModel } from '../posts/post.model';
import { prefetched, PrefetchedPost } from '../posts/prefetched-post';
import { FeedArgs } from './feed.args';
import { FeedUpdateModel } from './feed-update.model';

@Resolver()
export class FeedResolver {
  constructor(
    private readonly feedService: FeedService,
    private readonly events: FeedEvents,
    private readonly comments: CommentsService,
  ) {}

  @Query(() => [PostModel], {
    description:
      "The caller's home feed: posts by them and the people they follow, newest first. " +
      '`userId`, when given, must be your own id.',
  })
  async feed(
    @CurrentUser() viewer: AuthUser,
    @Context() ctx: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args() args: FeedArgs,
  ): Promise<PrefetchedPost[]> {
    const page = await this.feedService.forViewer(
      viewer.id,
      args.toPageRequest(),
      args.userId,
      requestedAuthorDepth(info),
    );
    const readers = postReaders(ctx, this.comments, viewer);
    return page.data.map((post) => prefetched(post, viewer, readers));
  }

  @Subscription(() => FeedUpdateModel, {
    description: "A new post entered the caller's feed (from every API instance)",
    resolve: withFreshLoaders<FeedUpdatedEvent>,
  })
  feedUpdated(@CurrentUser() viewer: AuthUser): AsyncIterableIterator<FeedUpdatedEvent> {
    return this.events.subscribe(viewer.id);
  }
}
