import type { AuthUser } from '@nexus/auth';
import type { CommentRecord, LoadedComment, LoadedPost, PostRecord } from '@nexus/posts';
import { toUserView, UserView } from '@nexus/users';
import { PREFETCHED } from '../graphql/prefetched';

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

export interface PrefetchedComment extends CommentRecord {
  [PREFETCHED]: true;
  author: UserView | null;
}

/** A comment read with its author, the author filtered for this viewer. */
export function prefetchedComment(
  comment: LoadedComment,
  viewer: AuthUser | undefined,
): PrefetchedComment {
  return {
    ...comment,
    [PREFETCHED]: true,
    author: comment.author && toUserView(comment.author, viewer),
  };
}
