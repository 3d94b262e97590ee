import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  bumpPostCounter,
  deleteLike,
  insertLike,
  lockPost,
  selectLikedPostIds,
} from './interactions.queries';
import { PostActivity, PostEffects } from './post-activity';
import { selectPost } from './posts.queries';
import { PostRecord } from './post-record';
import { PostNotFoundError } from './posts.errors';

export interface LikeResult {
  liked: boolean;
  post: PostRecord;
}

type LikeChange = { liked: boolean; post: PostRecord; effects?: PostEffects };

/**
 * Likes. Each change runs in one transaction that locks the post row first, changes the like
 * row and moves like_count by the rows actually inserted or deleted: the count always equals
 * the rows in `likes`, however many requests race.
 */
@Injectable()
export class PostLikesService {
  constructor(
    private readonly db: DataSource,
    private readonly activity: PostActivity,
  ) {}

  toggle(userId: string, postId: string): Promise<LikeResult> {
    return this.change(userId, postId, async (tx) => {
      const removedAt = await deleteLike(tx, postId, userId);
      if (removedAt) return { liked: false, likedAt: removedAt };
      return { liked: true, likedAt: await insertLike(tx, postId, userId) };
    });
  }

  /** Idempotent: liking a liked post changes nothing. */
  like(userId: string, postId: string): Promise<LikeResult> {
    return this.change(userId, postId, async (tx) => {
      const likedAt = await insertLike(tx, postId, userId);
      return { liked: true, likedAt };
    });
  }

  /** Idempotent: unliking a post that is not liked changes nothing. */
  unlike(userId: string, postId: string): Promise<LikeResult> {
    return this.change(userId, postId, async (tx) => {
      const likedAt = await deleteLike(tx, postId, userId);
      return { liked: false, likedAt };
    });
  }

  /** Which of these posts the user likes (one statement; the GraphQL like-state DataLoader). */
  likedPostIds(userId: string, postIds: readonly string[]): Promise<Set<string>> {
    return selectLikedPostIds(this.db.manager, userId, postIds);
  }

  private async change(
    userId: string,
    postId: string,
    apply: (tx: EntityManager) => Promise<{ liked: boolean; likedAt?: Date }>,
  ): Promise<LikeResult> {
    const result: LikeChange = await this.db.transaction(async (tx) => {
      if (!(await lockPost(tx, postId))) throw new PostNotFoundError(postId);
      const { liked, likedAt } = await apply(tx);
      if (likedAt === undefined) {
        return { liked, post: (await selectPost(tx, postId)) as PostRecord };
      }
      const post = await bumpPostCounter(tx, 'like', postId, liked ? 1 : -1);
      const effects = await (liked
        ? this.activity.liked(tx, post, userId, likedAt)
        : this.activity.unliked(tx, post, userId, likedAt));
      return { liked, post, effects };
    });
    if (result.effects) await this.activity.release(result.effects);
    return { liked: result.liked, post: result.post };
  }
}
