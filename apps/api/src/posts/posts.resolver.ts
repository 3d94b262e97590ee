import { Args, Context, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Public } from '@nexus/auth';
import type { GraphqlContext } from '@nexus/core';
import { Page, ParseIdPipe } from '@nexus/core';
import { CommentsService, PostDetailsService, PostRecord, PostsService } from '@nexus/posts';
import { PaginationInput } from '../common/pagination.input';
import { CreatePostInput } from './create-post.input';
import { CreatePostPayloadModel } from './create-post-payload.model';
import { DeletedModel } from './deleted.model';
import { PostPageModel } from './post-page.model';
import { requestedAuthorDepth } from './author-lookahead';
import { requestedFirstComments } from './comments-lookahead';
import { postReaders } from './post.loaders';
import { prefetched } from './prefetched-post';
import { PostRefInput } from './post-ref.input';
import { PostModel } from './post.model';
import { PostsArgs } from './posts.args';
import { UpdatePostInput } from './update-post.input';

@Resolver(() => PostModel)
export class PostsResolver {
  constructor(
    private readonly postsService: PostsService,
    private readonly details: PostDetailsService,
    private readonly comments: CommentsService,
  ) {}

  @Public()
  @Query(() => [PostModel], {
    description: 'Newest posts first, as a plain list (the brief). `posts` adds the cursor.',
  })
  async allPosts(
    @CurrentUser() viewer: AuthUser | undefined,
    @Context() ctx: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PaginationInput,
  ): Promise<PostRecord[]> {
    // Comments asked for with one `first`: read with the page, one statement for the whole list.
    const first = requestedFirstComments(info);
    if (first !== undefined) {
      const loaded = await this.details.loadedPageWithComments(
        page.toPageRequest(),
        first,
        viewer?.id,
      );
      const preloaded = { first, byPost: loaded.commentsByPost };
      const readers = postReaders(ctx, this.comments, viewer, preloaded);
      return loaded.page.data.map((post) => prefetched(post, viewer, readers));
    }
    const loaded = await this.details.loadedPage(
      page.toPageRequest(),
      viewer?.id,
      requestedAuthorDepth(info),
    );
    const readers = postReaders(ctx, this.comments, viewer);
    return loaded.data.map((post) => prefetched(post, viewer, readers));
  }

  @Public()
  @Query(() => PostPageModel, { description: 'Newest posts first, optionally by one author' })
  posts(@Args() args: PostsArgs): Promise<Page<PostRecord>> {
    return this.postsService.list(args.toPageRequest(), args.authorId);
  }

  @Public()
  @Query(() => PostModel, { description: 'A post; deleted and unknown ids are NOT_FOUND' })
  async postById(
    @CurrentUser() viewer: AuthUser | undefined,
    @Context() ctx: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<PostRecord> {
    const post = await this.details.loaded(id, viewer?.id, requestedAuthorDepth(info));
    return prefetched(post, viewer, postReaders(ctx, this.comments, viewer));
  }

  @Mutation(() => CreatePostPayloadModel)
  async createPost(
    @CurrentUser() viewer: AuthUser,
    @Args() input: CreatePostInput,
  ): Promise<{ post: PostRecord }> {
    return { post: await this.postsService.create(viewer.id, input) };
  }

  @Mutation(() => PostModel, { description: 'Author or admin only' })
  updatePost(
    @CurrentUser() viewer: AuthUser,
    @Args('input') { postId, ...changes }: UpdatePostInput,
  ): Promise<PostRecord> {
    return this.postsService.update(viewer, postId, changes);
  }

  @Mutation(() => DeletedModel, { description: 'Author or admin only; the post becomes 404' })
  async deletePost(
    @CurrentUser() viewer: AuthUser,
    @Args('input') { postId }: PostRefInput,
  ): Promise<DeletedModel> {
    await this.postsService.remove(viewer, postId);
    return { id: postId };
  }
}
