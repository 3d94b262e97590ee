import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, Page, PageRequest, toPage } from '@nexus/core';
import { UsersService, Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import { PostActivity } from './post-activity';
import { PostRecord } from './post-record';
import { canModifyPost } from './post-rules';
import { PostNotFoundError } from './posts.errors';
import {
  bumpUserPosts,
  insertPost,
  NewPost,
  PostChanges,
  selectAuthorPostPage,
  selectPost,
  selectPostPage,
  softDeletePost,
  updatePost,
} from './posts.queries';

/** Posts: writing, editing, soft-deleting and reading them. Counters move with their rows. */
@Injectable()
export class PostsService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly activity: PostActivity,
  ) {}

  async create(authorId: string, input: NewPost): Promise<PostRecord> {
    const { post, effects } = await this.db.transaction(async (tx) => {
      const row = await insertPost(tx, authorId, input);
      await bumpUserPosts(tx, authorId, 1);
      return { post: row, effects: await this.activity.created(tx, row) };
    });
    await this.activity.release(effects);
    return post;
  }

  /** A live post; deleted and unknown ids are both 404. */
  async get(id: string): Promise<PostRecord> {
    const post = await selectPost(this.db.manager, id);
    if (!post) throw new PostNotFoundError(id);
    return post;
  }

  async update(viewer: Viewer, id: string, changes: PostChanges): Promise<PostRecord> {
    await this.assertCanModify(viewer, id);
    const post = await updatePost(this.db.manager, id, changes);
    if (!post) throw new PostNotFoundError(id);
    return post;
  }

  /** Soft delete; only the call that flips deleted_at decrements the author's posts_count. */
  async remove(viewer: Viewer, id: string): Promise<void> {
    await this.assertCanModify(viewer, id);
    const effects = await this.db.transaction(async (tx) => {
      const authorId = await softDeletePost(tx, id);
      if (!authorId) throw new PostNotFoundError(id);
      await bumpUserPosts(tx, authorId, -1);
      return this.activity.deleted(tx, { id, authorId });
    });
    await this.activity.release(effects);
  }

  /** Newest first; with `authorId`, that user's posts (404 when the user does not exist). */
  async list(page: PageRequest, authorId?: string): Promise<Page<PostRecord>> {
    const limit = page.first + 1;
    if (!authorId)
      return toPage(await selectPostPage(this.db.manager, page.after, limit), page.first);
    const [author] = await this.users.findByIds([authorId]);
    if (!author) throw new NotFoundError('User', authorId);
    const rows = await selectAuthorPostPage(this.db.manager, authorId, page.after, limit);
    return toPage(rows, page.first);
  }

  private async assertCanModify(viewer: Viewer, id: string): Promise<void> {
    const post = await this.get(id);
    if (!canModifyPost(post, viewer)) {
      throw new ForbiddenError('Only the author or an admin may change this post');
    }
  }
}
