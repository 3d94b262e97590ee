import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment, Metrics, redisOptionsFromUrl } from '@nexus/core';
import { AUTH_RATE_LIMITED, authTracker } from './auth-rate-limit';
import { FailOpenHitCounter, LIMITER_TIMEOUT_MS } from './fail-open-hit-counter';
import { LeasedThrottlerStorage } from './leased-throttler.storage';
import { RedisHitCounter } from './redis-hit-counter';

/**
 * Limits live in Redis, so every API instance counts against the same budget; each instance
 * takes hits from it in blocks (LeasedThrottlerStorage).
 * `default` applies everywhere; `auth` only where @AuthRateLimit() is set.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [Environment, Reflector, Metrics],
      useFactory: (env: Environment, reflector: Reflector, metrics: Metrics) => ({
        // Plain keys (the base guard hashes one per request): RedisHitCounter hashes them, once
        // per lease, so addresses and account names never appear in Redis key names.
        generateKey: (context, tracker, name) =>
          `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`,
        throttlers: [
          { name: 'default', ttl: env.THROTTLE_TTL_SECONDS * 1000, limit: env.THROTTLE_LIMIT },
          {
            name: 'auth',
            ttl: 60_000,
            limit: env.AUTH_THROTTLE_LIMIT,
            getTracker: authTracker,
            // Read once per handler by GqlThrottlerGuard: it must depend on the handler only.
            skipIf: (context) => !reflector.get<boolean>(AUTH_RATE_LIMITED, context.getHandler()),
          },
        ],
        storage: new LeasedThrottlerStorage(
          new FailOpenHitCounter(
            // Options, not a client: the storage then owns the connection and closes it.
            new RedisHitCounter(
              redisOptionsFromUrl(env.REDIS_URL, {
                keyPrefix: `${env.REDIS_PREFIX}throttle:`,
                // No offline queue and no retries: while Redis is down a check fails at once.
                enableOfflineQueue: false,
                maxRetriesPerRequest: 0,
                commandTimeout: LIMITER_TIMEOUT_MS,
              }),
            ),
            metrics,
          ),
        ),
      }),
    }),
  ],
})
export class ThrottlingModule {}
