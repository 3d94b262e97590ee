import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { Page, ParseIdPipe } from '@nexus/core';
import { PostRecord, PostsService } from '@nexus/posts';
import { PaginationInput } from '../common/pagination.input';
import { CreatePostInput } from './create-post.input';
import { CreatePostPayloadModel } from './create-post-payload.model';
import { DeletedModel } from './deleted.model';
import { PostPageModel } from './post-page.model';
import { PostRefInput } from './post-ref.input';
import { PostModel } from './post.model';
import { PostsArgs } from './posts.args';
import { UpdatePostInput } from './update-post.input';

@Resolver(() => PostModel)
export class PostsResolver {
  constructor(private readonly postsService: PostsService) {}

  @Public()
  @Query(() => [PostModel], {
    description: 'Newest posts first, as a plain list (the brief). `posts` adds the cursor.',
  })
  async allPosts(@Args() page: PaginationInput): Promise<PostRecord[]> {
    return (await this.postsService.list(page.toPageRequest())).data;
  }

  @Public()
  @Query(() => PostPageModel, { description: 'Newest posts first, optionally by one author' })
  posts(@Args() args: PostsArgs): Promise<Page<PostRecord>> {
    return this.postsService.list(args.toPageRequest(), args.authorId);
  }

  @Public()
  @Query(() => PostModel, { description: 'A post; deleted and unknown ids are NOT_FOUND' })
  postById(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<PostRecord> {
    return this.postsService.view(id);
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
