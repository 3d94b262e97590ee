import { quitRedis } from '@nexus/core';
import Redis, { RedisOptions } from 'ioredis';
import { createHash } from 'node:crypto';

// Take up to `want` hits of one window: count them, start the window on the first hit, and grant
// only what is left under the limit; a call that finds nothing left sets the block.
// Returns { hits counted, window ms left, block ms left (0: not blocked), hits granted }.
const TAKE_SCRIPT = `
local want = tonumber(ARGV[4])
local hits = redis.call('INCRBY', KEYS[1], want)
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then return { hits, windowLeft, blockLeft, 0 } end
local granted = math.min(want, tonumber(ARGV[2]) - (hits - want))
if granted < 1 then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  return { hits, windowLeft, tonumber(ARGV[3]), 0 }
end
return { hits, windowLeft, 0, granted }`;

/** What Redis granted of a request for hits. */
export interface HitGrant {
  /** Hits counted in the window so far, by every instance (granted or not). */
  hits: number;
  windowMs: number;
  /** > 0 while the key is blocked; then nothing is granted. */
  blockedMs: number;
  granted: number;
}

type ThrottleRedis = Redis & {
  takeHits(
    hitKey: string,
    blockKey: string,
    ttlMs: number,
    limit: number,
    blockMs: number,
    want: number,
  ): Promise<[number, number, number, number]>;
};

/**
 * Rate-limit counters in Redis, shared by every API instance. The script is sent once and then
 * called by its SHA (EVALSHA), not re-sent per request; auto-pipelining puts the calls made in
 * the same event-loop turn into one write and one read.
 */
export class RedisHitCounter {
  private readonly redis: ThrottleRedis;

  constructor(options: RedisOptions) {
    this.redis = new Redis({ ...options, enableAutoPipelining: true }) as ThrottleRedis;
    this.redis.defineCommand('takeHits', { numberOfKeys: 2, lua: TAKE_SCRIPT });
  }

  async take(
    key: string,
    ttlMs: number,
    limit: number,
    blockMs: number,
    want: number,
  ): Promise<HitGrant> {
    // Hashed: keys carry client addresses and account names. Hash tags keep both keys of a
    // check in one cluster slot.
    const hashed = createHash('sha256').update(key).digest('hex');
    const [hits, windowMs, blockedMs, granted] = await this.redis.takeHits(
      `{${hashed}}:hits`,
      `{${hashed}}:blocked`,
      ttlMs,
      limit,
      blockMs,
      want,
    );
    return { hits, windowMs, blockedMs, granted };
  }

  close(): Promise<void> {
    return quitRedis(this.redis);
  }
}
