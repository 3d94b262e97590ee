import { Injectable } from '@nestjs/common';
import { ViewCounter } from '@nexus/analytics';
import { Page, PageRequest, toPage } from '@nexus/core';
import { UsersService } from '@nexus/users';
import { selectLikedPostIds } from './interactions.queries';
import {
  AuthorDepth,
  LoadedPost,
  LoadedPostsWithComments,
  postDetailsOf,
  selectLoadedPost,
  selectLoadedPostPageWithComments,
  selectLoadedPostPage,
  selectPostDetails,
  selectPostDetailsPage,
  toAuthorSummary,
} from './post-reads.queries';
import { PostNotFoundError } from './posts.errors';
import {
  AuthorSummary,
  CommentDetails,
  CommentRecord,
  PostDetails,
  PostRecord,
} from './post-record';
import { DataSource } from 'typeorm';

/**
 * The REST shapes: a page of records plus their authors and the viewer's like state, in two
 * batched statements whatever the page size. GraphQL resolves the same fields with DataLoaders.
 */
@Injectable()
export class PostDetailsService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly views: ViewCounter,
  ) {}

  /**
   * The newest posts with authors (whole, or only their summaries) and the viewer's like state:
   * one statement per page.
   */
  async loadedPage(
    page: PageRequest,
    viewerId: string | undefined,
    authors: AuthorDepth,
  ): Promise<Page<LoadedPost<AuthorSummary>>> {
    const rows = await selectLoadedPostPage(
      this.db.manager,
      viewerId,
      page.after,
      page.first + 1,
      authors,
    );
    return toPage(rows, page.first);
  }

  /** The same page with each post's first `commentsPerPost` comments: still one statement. */
  async loadedPageWithComments(
    page: PageRequest,
    commentsPerPost: number,
    viewerId?: string,
  ): Promise<{
    page: Page<LoadedPost>;
    commentsByPost: LoadedPostsWithComments['commentsByPost'];
  }> {
    const { posts, commentsByPost } = await selectLoadedPostPageWithComments(
      this.db.manager,
      viewerId,
      page.after,
      page.first + 1,
      commentsPerPost,
    );
    return { page: toPage(posts, page.first), commentsByPost };
  }

  /**
   * A post opened by a reader (REST GET /api/posts/:id, GraphQL postById): author and like state
   * in one statement, and a view counted; deleted and unknown ids 404.
   */
  async loaded(
    id: string,
    viewerId: string | undefined,
    authors: AuthorDepth,
  ): Promise<LoadedPost<AuthorSummary>> {
    return this.opened(id, await selectLoadedPost(this.db.manager, viewerId, id, authors));
  }

  /** The REST list: as `loadedPage`, reading only the author columns the REST shape shows. */
  async newestPage(page: PageRequest, viewerId?: string): Promise<Page<PostDetails>> {
    const rows = await selectPostDetailsPage(this.db.manager, viewerId, page.after, page.first + 1);
    return toPage(rows, page.first);
  }

  /** REST GET /api/posts/:id: as `loaded`, reading only the author columns REST shows. */
  async byId(id: string, viewerId?: string): Promise<PostDetails> {
    return this.opened(id, await selectPostDetails(this.db.manager, viewerId, id));
  }

  /** A post a reader opened: 404 when deleted or unknown, else one view counted. */
  private opened<T extends { id: string }>(id: string, post: T | undefined): T {
    if (!post) throw new PostNotFoundError(id);
    this.views.count(post.id);
    return post;
  }

  async posts(posts: PostRecord[], viewerId?: string): Promise<PostDetails[]> {
    if (posts.length === 0) return [];
    const ids = posts.map((p) => p.id);
    const [authors, liked] = await Promise.all([
      this.users.findByIds(posts.map((p) => p.authorId)),
      viewerId
        ? selectLikedPostIds(this.db.manager, viewerId, ids)
        : Promise.resolve(new Set<string>()),
    ]);
    return posts.map((post, i) =>
      postDetailsOf(post, toAuthorSummary(authors[i]), liked.has(post.id)),
    );
  }

  async post(post: PostRecord, viewerId?: string): Promise<PostDetails> {
    return (await this.posts([post], viewerId))[0];
  }

  async postPage(page: Page<PostRecord>, viewerId?: string): Promise<Page<PostDetails>> {
    return { data: await this.posts(page.data, viewerId), nextCursor: page.nextCursor };
  }

  async comments(comments: CommentRecord[]): Promise<CommentDetails[]> {
    if (comments.length === 0) return [];
    const authors = await this.users.findByIds(comments.map((c) => c.authorId));
    return comments.map((comment, i) => ({
      id: comment.id,
      postId: comment.postId,
      content: comment.content,
      createdAt: comment.createdAt,
      author: toAuthorSummary(authors[i]),
    }));
  }

  async commentPage(page: Page<CommentRecord>): Promise<Page<CommentDetails>> {
    return { data: await this.comments(page.data), nextCursor: page.nextCursor };
  }
}
