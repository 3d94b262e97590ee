import type { AuthUser } from '@nexus/auth';
import type { LoadedPost, PostRecord } from '@nexus/posts';
import { toUserView, UserView } from '@nexus/users';

/** Marks a post whose `author` (filtered for the viewer) and `viewerHasLiked` are resolved. */
export const PREFETCHED = Symbol('prefetched-post');

export interface PrefetchedPost extends PostRecord {
  [PREFETCHED]: true;
  author: UserView | null;
  viewerHasLiked: boolean;
}

/** A post read with its author and like state, ready for GraphQL's default field resolution. */
export function prefetched(post: LoadedPost, viewer: AuthUser | undefined): PrefetchedPost {
  return {
    ...post,
    [PREFETCHED]: true,
    author: post.author && toUserView(post.author, viewer),
  };
}
