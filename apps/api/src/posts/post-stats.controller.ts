import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { PostStatsService } from '@nexus/posts';
import { ApiErrors } from '../common/api-errors.decorator';
import { PostStatsModel } from './post-stats.model';

@ApiTags('posts')
@ApiBearerAuth('bearer')
@Controller('posts')
export class PostStatsController {
  constructor(private readonly stats: PostStatsService) {}

  /** Daily views, likes, comments and shares of the last 30 days. Author or admin only. */
  @Get(':id/stats')
  @ApiErrors(400, 401, 403, 404)
  forPost(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PostStatsModel> {
    return this.stats.forViewer(viewer, id);
  }
}
