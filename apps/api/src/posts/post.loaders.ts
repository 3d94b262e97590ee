import type { AuthUser } from '@nexus/auth';
import { GraphqlContext } from '@nexus/core';
import { CommentsService, LoadedComment, PostLikesService } from '@nexus/posts';
import DataLoader from 'dataloader';

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
