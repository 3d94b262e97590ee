import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { quitRedis } from '@nexus/core';
import Redis, { RedisOptions } from 'ioredis';

// One hit: count it, start the window on the first hit, block once the limit is passed.
// Returns { hits, window ms left, blocked 0|1, block ms left }.
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then return { hits, windowLeft, 1, blockLeft } end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  return { hits, windowLeft, 1, tonumber(ARGV[3]) }
end
return { hits, windowLeft, 0, 0 }`;

type ThrottleRedis = Redis & {
  throttleHit(
    hitKey: string,
    blockKey: string,
    ttlMs: number,
    limit: number,
    blockMs: number,
  ): Promise<[number, number, number, number]>;
};

/**
 * Rate-limit counters in Redis, shared by every API instance. The script is sent once and then
 * called by its SHA (EVALSHA), not re-sent per request; auto-pipelining puts the checks of all
 * requests that reach the guard in the same event-loop turn into one write and one read.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: ThrottleRedis;

  constructor(options: RedisOptions) {
    this.redis = new Redis({ ...options, enableAutoPipelining: true }) as ThrottleRedis;
    this.redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // Hash tags keep both keys of a check in one cluster slot.
    const base = `{${key}:${throttlerName}}`;
    const [totalHits, windowLeft, blocked, blockLeft] = await this.redis.throttleHit(
      `${base}:hits`,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    );
    return {
      totalHits,
      timeToExpire: Math.ceil(windowLeft / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockLeft / 1000),
    };
  }

  onModuleDestroy(): Promise<void> {
    return quitRedis(this.redis);
  }
}
