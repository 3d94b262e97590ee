import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import { Page } from '@nexus/core';
import type { CommentRecord } from '@nexus/posts';
import { CommentsService } from '@nexus/posts';
import { UsersService, UserView } from '@nexus/users';
import { UserModel } from '../users/user.model';
import { userLoader } from '../users/user.loader';
import { AddCommentInput } from './add-comment.input';
import { CommentsArgs } from './comments.args';
import { CommentPageModel } from './comment-page.model';
import { CommentModel } from './comment.model';
import { DeleteCommentInput } from './delete-comment.input';
import { DeletedModel } from './deleted.model';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => CommentPageModel, { description: "A post's comments, oldest first" })
  comments(@Args() args: CommentsArgs): Promise<Page<CommentRecord>> {
    return this.commentsService.list(args.postId, args.toPageRequest());
  }

  @Mutation(() => CommentModel)
  addComment(
    @CurrentUser() viewer: AuthUser,
    @Args('input') { postId, content }: AddCommentInput,
  ): Promise<CommentRecord> {
    return this.commentsService.add(viewer.id, postId, content);
  }

  @Mutation(() => DeletedModel, {
    description: 'The comment author, the post author or an admin',
  })
  async deleteComment(
    @CurrentUser() viewer: AuthUser,
    @Args('input') { commentId }: DeleteCommentInput,
  ): Promise<DeletedModel> {
    await this.commentsService.remove(viewer, commentId);
    return { id: commentId };
  }

  @ResolveField(() => UserModel, { nullable: true })
  author(
    @Parent() comment: CommentRecord,
    @Context() ctx: GraphqlContext,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<UserView | null> {
    return userLoader(ctx, this.users, viewer).load(comment.authorId);
  }
}
