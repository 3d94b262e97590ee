import type { AuthUser } from '@nexus/auth';
import { GraphqlContext } from '@nexus/core';
import { CommentsService, LoadedComment, PostLikesService } from '@nexus/posts';
import DataLoader from 'dataloader';
import { PostReaders, prefetchedComment } from './prefetched-post';

/** Whether the viewer likes each post: one statement per request, whatever the page size. */
export function likedByViewerLoader(
  ctx: GraphqlContext,
  likes: PostLikesService,
  viewer: AuthUser,
): DataLoader<string, boolean> {
  return ctx.loaders.get<string, boolean>('likes.byViewer', async (postIds) => {
    const liked = await likes.likedPostIds(viewer.id, postIds);
    return postIds.map((id) => liked.has(id));
  });
}

/** The first `first` comments of each post: one statement per request and page size. */
export function firstCommentsLoader(
  ctx: GraphqlContext,
  comments: CommentsService,
  first: number,
): DataLoader<string, LoadedComment[]> {
  return ctx.loaders.get<string, LoadedComment[]>(`comments.first.${first}`, (postIds) =>
    comments.firstOf(postIds, first),
  );
}

/**
 * Post fields with arguments for one request: `comments(first:)` batched across the response and
 * read with their authors (Comment.author then resolves as a plain property).
 */
export function postReaders(
  ctx: GraphqlContext,
  comments: CommentsService,
  viewer: AuthUser | undefined,
  preloaded?: PreloadedComments,
): PostReaders {
  return {
    comments: async (post, { first }) => {
      const loaded =
        preloaded && preloaded.first === first
          ? (preloaded.byPost.get(post.id) ?? [])
          : await firstCommentsLoader(ctx, comments, first!).load(post.id);
      return loaded.map((comment) => prefetchedComment(comment, viewer));
    },
  };
}

/** Comments a list already read with its posts (`first` per post), by post id. */
export interface PreloadedComments {
  first: number;
  byPost: Map<string, LoadedComment[]>;
}
