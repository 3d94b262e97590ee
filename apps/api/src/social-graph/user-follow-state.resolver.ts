import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import { FollowsService } from '@nexus/social-graph';
import type { UserView } from '@nexus/users';
import { UserModel } from '../users/user.model';

/** `User.isFollowedByViewer`, batched: one statement per request whatever the list size. */
@Resolver(() => UserModel)
export class UserFollowStateResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'Whether the caller follows this user' })
  async isFollowedByViewer(
    @Parent() user: UserView,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<boolean> {
    if (!viewer) return false;
    const loader = ctx.loaders.get<string, boolean>('follows.byViewer', async (ids) => {
      const followed = await this.follows.followedAmong(viewer.id, ids);
      return ids.map((id) => followed.has(id));
    });
    return loader.load(user.id);
  }
}
