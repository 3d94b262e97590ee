import { CACHE_MANAGER, CacheModule } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createKeyv } from '@keyv/redis';
import { Environment } from '@nexus/core';
import type { Cache } from 'cache-manager';
import { PollSnapshot, reviveSnapshot } from './poll-snapshot';

// Short: invalidation covers our own writes; the TTL bounds the read-then-set race
// (a reader that loaded before a vote committed may store the older snapshot).
const POLL_TTL_MS = 30_000;

/** Keyv on Redis (cache-manager-redis-yet fails with cache-manager 7), keys under REDIS_PREFIX. */
export const PollsCacheModule = CacheModule.registerAsync({
  inject: [Environment],
  useFactory: (env: Environment) => ({
    stores: [createKeyv(env.REDIS_URL, { namespace: `${env.REDIS_PREFIX}cache` })],
    ttl: POLL_TTL_MS,
  }),
});

const key = (pollId: string) => `poll:${pollId}`;

/**
 * Viewer-independent poll detail (poll + tallies). A cache outage degrades to database reads;
 * it never fails a request.
 */
@Injectable()
export class PollCache {
  private readonly logger = new Logger(PollCache.name);

  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async get(pollId: string): Promise<PollSnapshot | null> {
    try {
      const raw = await this.cache.get<PollSnapshot>(key(pollId));
      return raw ? reviveSnapshot(raw) : null;
    } catch (err) {
      this.logger.warn(`Poll cache read failed: ${(err as Error).message}`);
      return null;
    }
  }

  async set(snapshot: PollSnapshot): Promise<void> {
    await this.cache
      .set(key(snapshot.id), snapshot)
      .catch((err: Error) => this.logger.warn(`Poll cache write failed: ${err.message}`));
  }

  async invalidate(pollId: string): Promise<void> {
    await this.cache
      .del(key(pollId))
      .catch((err: Error) => this.logger.warn(`Poll cache invalidation failed: ${err.message}`));
  }
}
