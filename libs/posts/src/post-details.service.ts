import { Injectable } from '@nestjs/common';
import { Page } from '@nexus/core';
import { UserEntity, UsersService } from '@nexus/users';
import { selectLikedPostIds } from './interactions.queries';
import {
  AuthorSummary,
  CommentDetails,
  CommentRecord,
  PostDetails,
  PostRecord,
} from './post-record';
import { DataSource } from 'typeorm';

function toAuthor(user: UserEntity | null): AuthorSummary | null {
  return user
    ? {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        avatarUrl: user.avatarUrl,
      }
    : null;
}

/**
 * The REST shapes: a page of records plus their authors and the viewer's like state, in two
 * batched statements whatever the page size. GraphQL resolves the same fields with DataLoaders.
 */
@Injectable()
export class PostDetailsService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async posts(posts: PostRecord[], viewerId?: string): Promise<PostDetails[]> {
    if (posts.length === 0) return [];
    const ids = posts.map((p) => p.id);
    const [authors, liked] = await Promise.all([
      this.users.findByIds(posts.map((p) => p.authorId)),
      viewerId
        ? selectLikedPostIds(this.db.manager, viewerId, ids)
        : Promise.resolve(new Set<string>()),
    ]);
    return posts.map(({ authorId: _authorId, ...post }, i) => ({
      ...post,
      author: toAuthor(authors[i]),
      viewerHasLiked: liked.has(post.id),
    }));
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
    return comments.map(({ authorId: _authorId, ...comment }, i) => ({
      ...comment,
      author: toAuthor(authors[i]),
    }));
  }

  async commentPage(page: Page<CommentRecord>): Promise<Page<CommentDetails>> {
    return { data: await this.comments(page.data), nextCursor: page.nextCursor };
  }
}
