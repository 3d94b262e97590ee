import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import type { CommentRecord, LoadedPost, PostRecord } from '@nexus/posts';
import { CommentsService, PostLikesService } from '@nexus/posts';
import { toUserView, UsersService, UserView } from '@nexus/users';
import { PageSizeInput } from '../common/pagination.input';
import { UserModel } from '../users/user.model';
import { userLoader } from '../users/user.loader';
import { CommentModel } from './comment.model';
import { firstCommentsLoader, likedByViewerLoader } from './post.loaders';
import { PostModel } from './post.model';

/** Post fields that need more than the row: each is batched across the whole response. */
@Resolver(() => PostModel)
export class PostFieldsResolver {
  constructor(
    private readonly users: UsersService,
    private readonly likes: PostLikesService,
    private readonly commentsService: CommentsService,
  ) {}

  @ResolveField(() => UserModel, { nullable: true })
  author(
    @Parent() post: PostRecord | LoadedPost,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<UserView | null> | UserView | null {
    // Pages read with their authors (allPosts, postById) need no second statement.
    if ('author' in post) return post.author && toUserView(post.author, viewer);
    return userLoader(ctx, this.users, viewer).load(post.authorId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller likes this post' })
  viewerHasLiked(
    @Parent() post: PostRecord | LoadedPost,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<boolean> | boolean {
    // Computed for this viewer by the statement that read the post.
    if ('viewerHasLiked' in post) return post.viewerHasLiked;
    return viewer ? likedByViewerLoader(ctx, this.likes, viewer).load(post.id) : false;
  }

  @ResolveField(() => [CommentModel], {
    description: 'The first comments, oldest first (page through `comments(postId:)` for more)',
  })
  comments(
    @Parent() post: PostRecord,
    @Context() ctx: GraphqlContext,
    @Args() { first }: PageSizeInput,
  ): Promise<CommentRecord[]> {
    return firstCommentsLoader(ctx, this.commentsService, first!).load(post.id);
  }
}
