import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { DEFAULT_PAGE_SIZE } from '@nexus/core';
import { PostDetailsService, TrendingPostsService } from '@nexus/posts';
import { ApiErrors } from '../common/api-errors.decorator';
import { PostPageModel } from '../posts/post-page.model';
import { TrendingPostsInput, TrendingWindowEnum } from './trending-posts.input';

@ApiTags('trending')
@Controller('trending')
export class TrendingController {
  constructor(
    private readonly trending: TrendingPostsService,
    private readonly details: PostDetailsService,
  ) {}

  /** Trending posts, best first (one page: `nextCursor` is always null). */
  @Public()
  @Get('posts')
  @ApiErrors(400)
  async posts(
    @CurrentUser() viewer: AuthUser | undefined,
    @Query() query: TrendingPostsInput,
  ): Promise<PostPageModel> {
    const posts = await this.trending.list(
      query.window ?? TrendingWindowEnum.DAY,
      query.first ?? DEFAULT_PAGE_SIZE,
    );
    return this.details.postPage({ data: posts, nextCursor: null }, viewer?.id);
  }
}
