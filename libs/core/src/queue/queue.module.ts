import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { Environment } from '../config/environment';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { QueueConnections } from './queue-connections';
import { ALL_QUEUES } from './queue-names';

/**
 * BullMQ connection and every queue. Retries with exponential backoff. Completed jobs: the last
 * 1,000 per queue, at most an hour (a bounded Redis footprint that a steady load reaches in about
 * a minute); while kept, a re-added job id is dropped by BullMQ, and the consumers that must not
 * count twice dedupe in PostgreSQL anyway (decisions 49, 51). Failed ones a week, for inspection.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // BullMQ needs maxRetriesPerRequest null on blocking connections.
        connection: redisOptionsFromUrl(env.REDIS_URL, { maxRetriesPerRequest: null }),
        prefix: `${env.REDIS_PREFIX}bull`,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [QueueConnections],
  exports: [BullModule],
})
export class QueueModule {}
