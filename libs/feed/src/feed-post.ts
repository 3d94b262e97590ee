import type { LoadedPost } from '@nexus/posts';

/** A feed entry: the post with its author and the viewer's like state, from one statement. */
export type FeedPost = LoadedPost;
