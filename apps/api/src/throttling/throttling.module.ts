import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment, redisOptionsFromUrl } from '@nexus/core';
import Redis from 'ioredis';
import { AUTH_RATE_LIMITED, authTracker } from './auth-rate-limit';

/**
 * Limits live in Redis, so every API instance counts against the same budget.
 * `default` applies everywhere; `auth` only where @AuthRateLimit() is set.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [Environment, Reflector],
      useFactory: (env: Environment, reflector: Reflector) => ({
        throttlers: [
          { name: 'default', ttl: env.THROTTLE_TTL_SECONDS * 1000, limit: env.THROTTLE_LIMIT },
          {
            name: 'auth',
            ttl: 60_000,
            limit: env.AUTH_THROTTLE_LIMIT,
            getTracker: authTracker,
            skipIf: (context) => !reflector.get<boolean>(AUTH_RATE_LIMITED, context.getHandler()),
          },
        ],
        storage: new ThrottlerStorageRedisService(
          new Redis(
            redisOptionsFromUrl(env.REDIS_URL, { keyPrefix: `${env.REDIS_PREFIX}throttle:` }),
          ),
        ),
      }),
    }),
  ],
})
export class ThrottlingModule {}
