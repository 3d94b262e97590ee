import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Environment } from '../config/environment';
import { quitRedis, redisOptionsFromUrl } from './redis-options';
import { REDIS } from './redis.tokens';

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Environment],
      useFactory: (env: Environment) =>
        new Redis(
          redisOptionsFromUrl(env.REDIS_URL, {
            keyPrefix: env.REDIS_PREFIX,
            maxRetriesPerRequest: 3,
          }),
        ),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): Promise<void> {
    return quitRedis(this.redis);
  }
}
