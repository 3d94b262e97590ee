import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bumpPostCounter, insertShare, lockPost, selectShare } from './interactions.queries';
import { PostActivity, PostEffects } from './post-activity';
import { PostRecord, ShareRecord } from './post-record';
import { PostNotFoundError } from './posts.errors';
import { selectPost } from './posts.queries';

export interface ShareResult {
  share: ShareRecord;
  post: PostRecord;
  /** False when the user had already shared the post: the existing share is returned. */
  created: boolean;
}

/** Shares: one per user per post (unique key); share_count moves only when a row is inserted. */
@Injectable()
export class PostSharesService {
  constructor(
    private readonly db: DataSource,
    private readonly activity: PostActivity,
  ) {}

  async share(userId: string, postId: string): Promise<ShareResult> {
    const result = await this.db.transaction(
      async (tx): Promise<ShareResult & { effects?: PostEffects }> => {
        if (!(await lockPost(tx, postId))) throw new PostNotFoundError(postId);
        const inserted = await insertShare(tx, postId, userId);
        if (inserted) {
          const post = await bumpPostCounter(tx, 'share', postId, 1);
          const effects = await this.activity.shared(tx, post, inserted);
          return { share: inserted, post, created: true, effects };
        }
        const existing = await selectShare(tx, postId, userId);
        return {
          share: existing,
          post: (await selectPost(tx, postId)) as PostRecord,
          created: false,
        };
      },
    );
    if (result.effects) await this.activity.release(result.effects);
    return { share: result.share, post: result.post, created: result.created };
  }
}
