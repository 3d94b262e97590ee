import { Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { LikeResult, PostDetailsService, PostLikesService, PostSharesService } from '@nexus/posts';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../common/api-errors.decorator';
import { ShareResultModel } from './share-result.model';
import { ToggleLikePayloadModel } from './toggle-like-payload.model';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('posts')
@ApiBearerAuth('bearer')
@Controller('posts/:id')
export class PostInteractionsController {
  constructor(
    private readonly likes: PostLikesService,
    private readonly shares: PostSharesService,
    private readonly details: PostDetailsService,
  ) {}

  /** Likes the post. Idempotent: liking twice leaves one like. */
  @Post('like')
  @HttpCode(200)
  @ApiErrors(400, 401, 404)
  async like(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ToggleLikePayloadModel> {
    return this.withDetails(await this.likes.like(viewer.id, id), viewer);
  }

  /** Removes the caller's like. Idempotent: unliking a post not liked changes nothing. */
  @Delete('like')
  @ApiErrors(400, 401, 404)
  async unlike(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ToggleLikePayloadModel> {
    return this.withDetails(await this.likes.unlike(viewer.id, id), viewer);
  }

  /** Shares the post: 201 with the new share, or 200 with the existing one (one per user). */
  @Idempotent()
  @Post('share')
  @ApiCreatedResponse({ type: ShareResultModel, description: 'Shared now' })
  @ApiOkResponse({ type: ShareResultModel, description: 'Already shared: the existing share' })
  @ApiErrors(400, 401, 404)
  async share(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ShareResultModel> {
    const result = await this.shares.share(viewer.id, id);
    void res.code(result.created ? 201 : 200);
    return { ...result, post: await this.details.post(result.post, viewer.id) };
  }

  private async withDetails({ liked, post }: LikeResult, viewer: AuthUser) {
    return { liked, post: await this.details.post(post, viewer.id) };
  }
}
