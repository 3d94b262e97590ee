import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import type { CommentRecord, PostRecord } from '@nexus/posts';
import { CommentsService, PostLikesService } from '@nexus/posts';
import { UsersService, UserView } from '@nexus/users';
import { PageSizeInput } from '../common/pagination.input';
import { UserModel } from '../users/user.model';
import { userLoader } from '../users/user.loader';
import { CommentModel } from './comment.model';
import { likedByViewerLoader, postReaders } from './post.loaders';
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
    @Parent() post: PostRecord,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<UserView | null> {
    return userLoader(ctx, this.users, viewer).load(post.authorId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller likes this post' })
  async viewerHasLiked(
    @Parent() post: PostRecord,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<boolean> {
    return viewer ? likedByViewerLoader(ctx, this.likes, viewer).load(post.id) : false;
  }

  @ResolveField(() => [CommentModel], {
    description: 'The first comments, oldest first (page through `comments(postId:)` for more)',
  })
  comments(
    @Parent() post: PostRecord,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
    @Args() page: PageSizeInput,
  ): Promise<CommentRecord[]> {
    return postReaders(ctx, this.commentsService, viewer).comments(post, page);
  }
}
