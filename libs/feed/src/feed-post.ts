import type { AuthorSummary, LoadedPost } from '@nexus/posts';

/**
 * A feed entry: the post with its author (whole, or only the summary: AuthorDepth) and the
 * viewer's like state, from one statement.
 */
export type FeedPost = LoadedPost<AuthorSummary>;
