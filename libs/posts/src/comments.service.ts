import { Injectable } from '@nestjs/common';
import { ForbiddenError, Page, PageRequest, toPage } from '@nexus/core';
import { Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import {
  deleteComment,
  insertComment,
  selectComment,
  selectCommentPage,
  LoadedComment,
  selectFirstComments,
} from './comments.queries';
import { bumpPostCounter, lockPost } from './interactions.queries';
import { PostActivity } from './post-activity';
import { CommentRecord } from './post-record';
import { canDeleteComment } from './post-rules';
import { CommentNotFoundError, PostNotFoundError } from './posts.errors';
import { selectPost } from './posts.queries';

/** Comments: oldest first; comment_count moves in the same transaction as the row. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly activity: PostActivity,
  ) {}

  async add(authorId: string, postId: string, content: string): Promise<CommentRecord> {
    const { comment, effects } = await this.db.transaction(async (tx) => {
      if (!(await lockPost(tx, postId))) throw new PostNotFoundError(postId);
      const row = await insertComment(tx, postId, authorId, content);
      const post = await bumpPostCounter(tx, 'comment', postId, 1);
      return { comment: row, effects: await this.activity.commented(tx, post, row) };
    });
    await this.activity.release(effects);
    return comment;
  }

  async list(postId: string, page: PageRequest): Promise<Page<CommentRecord>> {
    if (!(await selectPost(this.db.manager, postId))) throw new PostNotFoundError(postId);
    const rows = await selectCommentPage(this.db.manager, postId, page.after, page.first + 1);
    return toPage(rows, page.first);
  }

  /** The first `limit` comments of each post, in the order of `postIds` (one statement). */
  async firstOf(postIds: readonly string[], limit: number): Promise<LoadedComment[][]> {
    const rows = await selectFirstComments(this.db.manager, postIds, limit);
    const byPost = new Map<string, LoadedComment[]>(postIds.map((id) => [id, []]));
    for (const row of rows) byPost.get(row.postId)?.push(row);
    return postIds.map((id) => byPost.get(id) ?? []);
  }

  /** The comment's author, the post's author or an admin; the count drops only once. */
  async remove(viewer: Viewer, commentId: string): Promise<void> {
    const comment = await selectComment(this.db.manager, commentId);
    if (!comment) throw new CommentNotFoundError(commentId);
    if (!canDeleteComment(comment, viewer)) {
      throw new ForbiddenError(
        'Only the comment author, the post author or an admin may delete it',
      );
    }
    await this.db.transaction(async (tx) => {
      if (!(await lockPost(tx, comment.postId))) throw new PostNotFoundError(comment.postId);
      if (!(await deleteComment(tx, commentId))) throw new CommentNotFoundError(commentId);
      await bumpPostCounter(tx, 'comment', comment.postId, -1);
    });
  }
}
