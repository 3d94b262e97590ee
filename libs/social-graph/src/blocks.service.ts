import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@nexus/core';
import { UsersService, UserView, Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import { GraphActivity } from './graph-activity';
import { SelfRelationError } from './social-graph.errors';
import { deleteBlock, deleteFollows, insertBlock, lockPair } from './social-graph.queries';

/** Blocks: idempotent; a block removes the follows both ways in its own transaction. */
@Injectable()
export class BlocksService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly activity: GraphActivity,
  ) {}

  async block(viewer: Viewer, userId: string): Promise<UserView> {
    if (viewer.id === userId) throw new SelfRelationError('block');
    const jobs = await this.db.transaction(async (tx) => {
      if ((await lockPair(tx, viewer.id, userId)) < 2) throw new NotFoundError('User', userId);
      await insertBlock(tx, viewer.id, userId);
      return this.activity.followsRemoved(tx, await deleteFollows(tx, viewer.id, userId, true));
    });
    await this.activity.release(jobs);
    return this.users.getProfile({ id: userId }, viewer);
  }

  /** Lifts the block; follows are not restored. */
  async unblock(viewer: Viewer, userId: string): Promise<UserView> {
    if (viewer.id === userId) throw new SelfRelationError('block');
    const profile = await this.users.getProfile({ id: userId }, viewer);
    await deleteBlock(this.db.manager, viewer.id, userId);
    return profile;
  }
}
