import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { BlocksService, FollowsService } from '@nexus/social-graph';
import type { UserView } from '@nexus/users';
import { ApiErrors } from '../common/api-errors.decorator';
import { PaginationInput } from '../common/pagination.input';
import { ProfileModel } from './profile.model';
import { ProfilePageModel } from './profile-page.model';

@ApiTags('social graph')
@ApiBearerAuth('bearer')
@Controller('users/:id')
export class SocialGraphController {
  constructor(
    private readonly follows: FollowsService,
    private readonly blocks: BlocksService,
  ) {}

  /** Follows the user. Idempotent: following twice answers 200 and leaves one follow. */
  @Post('follow')
  @HttpCode(200)
  @ApiErrors(400, 401, 403, 404)
  async follow(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ProfileModel> {
    return this.withState(viewer, await this.follows.follow(viewer, id));
  }

  /** Unfollows the user. Idempotent. */
  @Delete('follow')
  @HttpCode(204)
  @ApiErrors(400, 401, 404)
  async unfollow(@CurrentUser() viewer: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.follows.unfollow(viewer, id);
  }

  /** Blocks the user: follows both ways are removed and neither can follow the other. Idempotent. */
  @Post('block')
  @HttpCode(200)
  @ApiErrors(400, 401, 404)
  async block(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ProfileModel> {
    return this.withState(viewer, await this.blocks.block(viewer, id));
  }

  /** Lifts the block. Idempotent; removed follows are not restored. */
  @Delete('block')
  @HttpCode(204)
  @ApiErrors(400, 401, 404)
  async unblock(@CurrentUser() viewer: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.blocks.unblock(viewer, id);
  }

  /** The user's followers, newest follow first, keyset-paginated. */
  @Public()
  @Get('followers')
  @ApiErrors(400, 404)
  async followers(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PaginationInput,
  ): Promise<ProfilePageModel> {
    const result = await this.follows.followers(id, page.toPageRequest(), viewer);
    return { ...result, data: await this.follows.withFollowState(viewer, result.data) };
  }

  /** Whom the user follows, newest follow first, keyset-paginated. */
  @Public()
  @Get('following')
  @ApiErrors(400, 404)
  async following(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PaginationInput,
  ): Promise<ProfilePageModel> {
    const result = await this.follows.following(id, page.toPageRequest(), viewer);
    return { ...result, data: await this.follows.withFollowState(viewer, result.data) };
  }

  private async withState(viewer: AuthUser, user: UserView): Promise<ProfileModel> {
    return (await this.follows.withFollowState(viewer, [user]))[0];
  }
}
