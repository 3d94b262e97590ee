import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AuthModule, TokensService } from '@nexus/auth';
import { ALL_QUEUES, Environment } from '@nexus/core';
import { bullBoardAuth } from './bull-board-auth.middleware';

export const BULL_BOARD_ROUTE = '/admin/queues';

/**
 * Bull Board at /admin/queues (outside the `/api` prefix, see configureApiApp): every queue,
 * retry/remove failed jobs, served from @bull-board/ui's installed assets. Admins only.
 */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [Environment, TokensService],
      useFactory: (env: Environment, tokens: TokensService) => ({
        route: BULL_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: bullBoardAuth(env, tokens),
        boardOptions: { uiConfig: { boardTitle: 'Nexus queues' } },
      }),
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
