import { Injectable } from '@nestjs/common';
import { NotFoundError, Page, PageRequest, encodeCursor } from '@nexus/core';
import { UsersService, UserView, Viewer, toUserView } from '@nexus/users';
import { DataSource } from 'typeorm';
import { GraphActivity } from './graph-activity';
import { FollowBlockedError, SelfRelationError } from './social-graph.errors';
import {
  FollowEdge,
  deleteFollows,
  insertFollow,
  lockPair,
  selectFollowedAmong,
  selectFollowerPage,
  selectFollowingPage,
} from './social-graph.queries';

/** Follow and unfollow (idempotent, counters in the same transaction) and the follow lists. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly activity: GraphActivity,
  ) {}

  /** Following twice leaves one row and succeeds; a block either way is 403. Returns the followee. */
  async follow(viewer: Viewer, userId: string): Promise<UserView> {
    if (viewer.id === userId) throw new SelfRelationError('follow');
    const jobs = await this.db.transaction(async (tx) => {
      if ((await lockPair(tx, viewer.id, userId)) < 2) throw new NotFoundError('User', userId);
      const inserted = await insertFollow(tx, viewer.id, userId);
      if (inserted.blocked) throw new FollowBlockedError();
      return inserted.seq ? this.activity.followed(tx, viewer.id, userId, inserted.seq) : [];
    });
    await this.activity.release(jobs);
    return this.users.getProfile({ id: userId }, viewer);
  }

  /** Unfollowing someone you do not follow succeeds and changes nothing. Returns the user. */
  async unfollow(viewer: Viewer, userId: string): Promise<UserView> {
    if (viewer.id === userId) throw new SelfRelationError('follow');
    const jobs = await this.db.transaction(async (tx) => {
      if ((await lockPair(tx, viewer.id, userId)) < 2) throw new NotFoundError('User', userId);
      return this.activity.followsRemoved(tx, await deleteFollows(tx, viewer.id, userId, false));
    });
    await this.activity.release(jobs);
    return this.users.getProfile({ id: userId }, viewer);
  }

  /** Who follows `userId`, newest follow first. */
  followers(userId: string, page: PageRequest, viewer?: Viewer | null): Promise<Page<UserView>> {
    return this.listPage(userId, page, viewer, selectFollowerPage);
  }

  /** Whom `userId` follows, newest follow first. */
  following(userId: string, page: PageRequest, viewer?: Viewer | null): Promise<Page<UserView>> {
    return this.listPage(userId, page, viewer, selectFollowingPage);
  }

  /** REST's `isFollowedByViewer`: the same batch GraphQL's field loader uses. */
  async withFollowState<T extends { id: string }>(
    viewer: Viewer | null | undefined,
    users: T[],
  ): Promise<(T & { isFollowedByViewer: boolean })[]> {
    const followed =
      viewer && users.length > 0
        ? await this.followedAmong(
            viewer.id,
            users.map((u) => u.id),
          )
        : new Set<string>();
    return users.map((u) => ({ ...u, isFollowedByViewer: followed.has(u.id) }));
  }

  /** Which of `userIds` the viewer follows: one statement (the `isFollowedByViewer` batch). */
  followedAmong(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    return selectFollowedAmong(this.db.manager, viewerId, userIds);
  }

  private async listPage(
    userId: string,
    page: PageRequest,
    viewer: Viewer | null | undefined,
    select: typeof selectFollowerPage,
  ): Promise<Page<UserView>> {
    const [owner] = await this.users.findByIds([userId]);
    if (!owner) throw new NotFoundError('User', userId);
    const edges: FollowEdge[] = await select(this.db.manager, userId, page.after, page.first + 1);
    const shown = edges.slice(0, page.first);
    const users = await this.users.findByIds(shown.map((e) => e.userId));
    return {
      data: users.flatMap((u) => (u ? [toUserView(u, viewer)] : [])),
      nextCursor: edges.length > page.first ? encodeCursor(shown[shown.length - 1].seq) : null,
    };
  }
}
