import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { CommentsService, PostDetailsService } from '@nexus/posts';
import { ApiErrors } from '../common/api-errors.decorator';
import { PaginationInput } from '../common/pagination.input';
import { CommentBodyInput } from './comment-body.input';
import { CommentPageModel } from './comment-page.model';
import { CommentModel } from './comment.model';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('comments')
@ApiBearerAuth('bearer')
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly details: PostDetailsService,
  ) {}

  /** A post's comments, oldest first, keyset-paginated. */
  @Public()
  @Get('posts/:id/comments')
  @ApiErrors(400, 404)
  async list(
    @Param('id', ParseIdPipe) postId: string,
    @Query() page: PaginationInput,
  ): Promise<CommentPageModel> {
    return this.details.commentPage(await this.comments.list(postId, page.toPageRequest()));
  }

  /** Comments on a post as the caller. */
  @Idempotent()
  @Post('posts/:id/comments')
  @ApiErrors(400, 401, 404)
  async add(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) postId: string,
    @Body() { content }: CommentBodyInput,
  ): Promise<CommentModel> {
    const [comment] = await this.details.comments([
      await this.comments.add(viewer.id, postId, content),
    ]);
    return comment;
  }

  /** Deletes a comment: its author, the post's author or an admin. */
  @Delete('comments/:id')
  @HttpCode(204)
  @ApiErrors(400, 401, 403, 404)
  async remove(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<void> {
    await this.comments.remove(viewer, id);
  }
}
