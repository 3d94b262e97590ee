import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { Environment } from '../config/environment';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { QueueConnections } from './queue-connections';
import { ALL_QUEUES } from './queue-names';

/**
 * BullMQ connection and every queue. Retries with exponential backoff; completed jobs are
 * kept an hour for dedup-by-jobId, failed ones a week for inspection.
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
          removeOnComplete: { age: 3600, count: 5000 },
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
