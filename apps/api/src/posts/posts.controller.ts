import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { PostDetailsService, PostsService } from '@nexus/posts';
import { ApiErrors } from '../common/api-errors.decorator';
import { PaginationInput } from '../common/pagination.input';
import { CreatePostInput } from './create-post.input';
import { PostChangesInput } from './post-changes.input';
import { PostPageModel } from './post-page.model';
import { PostModel } from './post.model';

@ApiTags('posts')
@ApiBearerAuth('bearer')
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly details: PostDetailsService,
  ) {}

  /** Newest posts first, keyset-paginated. */
  @Public()
  @Get()
  @ApiErrors(400)
  async list(
    @CurrentUser() viewer: AuthUser | undefined,
    @Query() page: PaginationInput,
  ): Promise<PostPageModel> {
    return this.details.postPage(await this.posts.list(page.toPageRequest()), viewer?.id);
  }

  /** Publishes a post as the caller. */
  @Post()
  @ApiErrors(400, 401)
  async create(
    @CurrentUser() viewer: AuthUser,
    @Body() input: CreatePostInput,
  ): Promise<PostModel> {
    return this.details.post(await this.posts.create(viewer.id, input), viewer.id);
  }

  /** A post; deleted and unknown ids are 404. */
  @Public()
  @Get(':id')
  @ApiErrors(400, 404)
  async get(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PostModel> {
    return this.details.post(await this.posts.view(id), viewer?.id);
  }

  /** Edits title, content or mediaUrl (null clears title and mediaUrl). Author or admin only. */
  @Patch(':id')
  @ApiErrors(400, 401, 403, 404)
  async update(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() changes: PostChangesInput,
  ): Promise<PostModel> {
    return this.details.post(await this.posts.update(viewer, id, changes), viewer.id);
  }

  /** Soft-deletes the post: it becomes 404 and leaves every list. Author or admin only. */
  @Delete(':id')
  @HttpCode(204)
  @ApiErrors(400, 401, 403, 404)
  async remove(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<void> {
    await this.posts.remove(viewer, id);
  }
}
