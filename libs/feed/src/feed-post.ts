import type { Page } from '@nexus/core';
import type { LoadedPost, PostDetails } from '@nexus/posts';
import { toPostDetails } from '@nexus/posts/post-reads.queries';

/** A feed entry: the post with its author and the viewer's like state, from one statement. */
export type FeedPost = LoadedPost;

/** The REST post shape (DESIGN §4): the author embedded, no `authorId`. */
export function toFeedDetails(page: Page<FeedPost>): Page<PostDetails> {
  return { data: page.data.map(toPostDetails), nextCursor: page.nextCursor };
}
