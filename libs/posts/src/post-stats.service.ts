import { Injectable } from '@nestjs/common';
import { PostStats, PostStatsReader } from '@nexus/analytics';
import { ForbiddenError } from '@nexus/core';
import { Viewer } from '@nexus/users';
import { PostRecord } from './post-record';
import { canSeePostStats } from './post-rules';
import { PostsService } from './posts.service';

/** Daily views, likes, comments and shares of a post: for its author and admins only. */
@Injectable()
export class PostStatsService {
  constructor(
    private readonly posts: PostsService,
    private readonly reader: PostStatsReader,
  ) {}

  /** REST: 404 for an unknown post, 403 for anyone but the author or an admin. */
  async forViewer(viewer: Viewer, postId: string): Promise<PostStats> {
    const post = await this.posts.get(postId);
    if (!canSeePostStats(post, viewer)) {
      throw new ForbiddenError('Only the author or an admin may see post statistics');
    }
    return (await this.reader.forPosts([postId]))[0];
  }

  /** GraphQL `Post.stats` for a batch of posts: null where the viewer may not see them. */
  async visibleTo(
    viewer: Viewer | undefined,
    posts: readonly PostRecord[],
  ): Promise<(PostStats | null)[]> {
    const visible = posts.filter((p) => canSeePostStats(p, viewer));
    const stats = visible.length ? await this.reader.forPosts(visible.map((p) => p.id)) : [];
    const byId = new Map(stats.map((s) => [s.postId, s]));
    return posts.map((p) => byId.get(p.id) ?? null);
  }
}
