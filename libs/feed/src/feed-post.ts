import type { Page } from '@nexus/core';
import type { AuthorSummary, PostDetails, PostRecord } from '@nexus/posts';

/** A feed entry: the post, its author summary and the viewer's like state, from one statement. */
export interface FeedPost extends PostRecord {
  author: AuthorSummary;
  viewerHasLiked: boolean;
}

/** The REST post shape (DESIGN §4): the author embedded, no `authorId`. */
export function toFeedDetails(page: Page<FeedPost>): Page<PostDetails> {
  return {
    data: page.data.map(({ authorId: _authorId, ...post }) => post),
    nextCursor: page.nextCursor,
  };
}
