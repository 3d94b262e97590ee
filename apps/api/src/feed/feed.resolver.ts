import { Args, Context, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import { FeedEvents, FeedPost, FeedService, FeedUpdatedEvent } from '@nexus/feed';
import { PostLikesService } from '@nexus/posts';
import { likedByViewerLoader } from '../posts/post.loaders';
import { PostModel } from '../posts/post.model';
import { FeedArgs } from './feed.args';
import { FeedUpdateModel } from './feed-update.model';

@Resolver()
export class FeedResolver {
  constructor(
    private readonly feedService: FeedService,
    private readonly events: FeedEvents,
    private readonly likes: PostLikesService,
  ) {}

  @Query(() => [PostModel], {
    description:
      "The caller's home feed: posts by them and the people they follow, newest first. " +
      '`userId`, when given, must be your own id.',
  })
  async feed(
    @CurrentUser() viewer: AuthUser,
    @Context() ctx: GraphqlContext,
    @Args() args: FeedArgs,
  ): Promise<FeedPost[]> {
    const page = await this.feedService.forViewer(viewer.id, args.toPageRequest(), args.userId);
    // The page statement already knows the like state: spare `viewerHasLiked` its own query.
    const liked = likedByViewerLoader(ctx, this.likes, viewer);
    for (const post of page.data) liked.prime(post.id, post.viewerHasLiked);
    return page.data;
  }

  @Subscription(() => FeedUpdateModel, {
    description: "A new post entered the caller's feed (from every API instance)",
    resolve: (event: FeedUpdatedEvent) => event,
  })
  feedUpdated(@CurrentUser() viewer: AuthUser): AsyncIterableIterator<FeedUpdatedEvent> {
    return this.events.subscribe(viewer.id);
  }
}
