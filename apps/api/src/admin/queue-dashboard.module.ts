import { FastifyAdapter } from '@bull-board/fastify';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ALL_QUEUES } from '@nexus/core';

export const BULL_BOARD_ROUTE = '/admin/queues';

/**
 * Bull Board at /admin/queues (outside the `/api` prefix, see configureApiApp): every queue,
 * retry/remove failed jobs, served from @bull-board/ui's installed assets. Admins only: its
 * routes get bullBoardAuth as a route hook (protectQueueDashboard, called by configureApiApp).
 */
@Module({
  imports: [
    BullBoardModule.forRoot({
      route: BULL_BOARD_ROUTE,
      adapter: FastifyAdapter,
      boardOptions: { uiConfig: { boardTitle: 'Nexus queues' } },
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
