import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { PostDetailsService, PostsService } from '@nexus/posts';
import { ApiErrors } from '../common/api-errors.decorator';
import { PaginationInput } from '../common/pagination.input';
import { PostPageModel } from './post-page.model';

@ApiTags('posts')
@Controller('users/:id/posts')
export class UserPostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly details: PostDetailsService,
  ) {}

  /** One user's posts, newest first; 404 when the user does not exist. */
  @Public()
  @Get()
  @ApiErrors(400, 404)
  async list(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) authorId: string,
    @Query() page: PaginationInput,
  ): Promise<PostPageModel> {
    const posts = await this.posts.list(page.toPageRequest(), authorId);
    return this.details.postPage(posts, viewer?.id);
  }
}
