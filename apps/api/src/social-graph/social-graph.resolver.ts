import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { Page } from '@nexus/core';
import { BlocksService, FollowsService } from '@nexus/social-graph';
import { UserView } from '@nexus/users';
import { UserModel } from '../users/user.model';
import { FollowListArgs } from './follow-list.args';
import { UserPageModel } from './user-page.model';
import { UserRefInput } from './user-ref.input';

@Resolver(() => UserModel)
export class SocialGraphResolver {
  constructor(
    private readonly follows: FollowsService,
    private readonly blocks: BlocksService,
  ) {}

  @Mutation(() => UserModel, { description: 'Follows the user (idempotent); returns them' })
  follow(@CurrentUser() viewer: AuthUser, @Args('input') { userId }: UserRefInput) {
    return this.follows.follow(viewer, userId);
  }

  @Mutation(() => UserModel, { description: 'Unfollows the user (idempotent); returns them' })
  unfollow(@CurrentUser() viewer: AuthUser, @Args('input') { userId }: UserRefInput) {
    return this.follows.unfollow(viewer, userId);
  }

  @Mutation(() => UserModel, {
    description: 'Blocks the user (idempotent): removes follows both ways, forbids new ones',
  })
  block(@CurrentUser() viewer: AuthUser, @Args('input') { userId }: UserRefInput) {
    return this.blocks.block(viewer, userId);
  }

  @Mutation(() => UserModel, { description: 'Lifts a block (idempotent); follows stay removed' })
  unblock(@CurrentUser() viewer: AuthUser, @Args('input') { userId }: UserRefInput) {
    return this.blocks.unblock(viewer, userId);
  }

  @Public()
  @Query(() => UserPageModel, { description: "A user's followers, newest follow first" })
  followers(
    @CurrentUser() viewer: AuthUser | undefined,
    @Args() args: FollowListArgs,
  ): Promise<Page<UserView>> {
    return this.follows.followers(args.userId, args.toPageRequest(), viewer);
  }

  @Public()
  @Query(() => UserPageModel, { description: 'Whom a user follows, newest follow first' })
  following(
    @CurrentUser() viewer: AuthUser | undefined,
    @Args() args: FollowListArgs,
  ): Promise<Page<UserView>> {
    return this.follows.following(args.userId, args.toPageRequest(), viewer);
  }
}
