import { Args, ID, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe, withFreshLoaders } from '@nexus/core';
import {
  LikeResult,
  PostInteractionEvent,
  PostInteractionStream,
  PostLikesService,
  PostSharesService,
  ShareResult,
} from '@nexus/posts';
import { PostInteractionModel } from './post-interaction.model';
import { PostRefInput } from './post-ref.input';
import { ShareResultModel } from './share-result.model';
import { ToggleLikePayloadModel } from './toggle-like-payload.model';

@Resolver()
export class PostInteractionsResolver {
  constructor(
    private readonly likes: PostLikesService,
    private readonly shares: PostSharesService,
    private readonly stream: PostInteractionStream,
  ) {}

  @Mutation(() => ToggleLikePayloadModel, { description: 'Likes the post, or unlikes it if liked' })
  toggleLike(
    @CurrentUser() viewer: AuthUser,
    @Args('postId', { type: () => ID }, ParseIdPipe) postId: string,
  ): Promise<LikeResult> {
    return this.likes.toggle(viewer.id, postId);
  }

  @Mutation(() => ShareResultModel, { description: 'One share per user per post; idempotent' })
  sharePost(
    @CurrentUser() viewer: AuthUser,
    @Args('input') { postId }: PostRefInput,
  ): Promise<ShareResult> {
    return this.shares.share(viewer.id, postId);
  }

  @Public()
  @Subscription(() => PostInteractionModel, {
    description: 'Likes, unlikes, comments and shares of one post, from every API instance',
    resolve: withFreshLoaders<PostInteractionEvent>,
  })
  postInteraction(
    @Args('postId', { type: () => ID }, ParseIdPipe) postId: string,
  ): Promise<AsyncIterableIterator<PostInteractionEvent>> {
    return this.stream.subscribe(postId);
  }
}
