import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import { FeedService } from '@nexus/feed';
import { ApiErrors } from '../common/api-errors.decorator';
import { PaginationInput } from '../common/pagination.input';
import { PostPageModel } from '../posts/post-page.model';

@ApiTags('feed')
@ApiBearerAuth('bearer')
@Controller('feed')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  /** The caller's home feed: posts by them and the people they follow, newest first. */
  @Get()
  @ApiErrors(400, 401)
  async list(
    @CurrentUser() viewer: AuthUser,
    @Query() page: PaginationInput,
  ): Promise<PostPageModel> {
    return this.feed.detailsForViewer(viewer.id, page.toPageRequest());
  }
}
