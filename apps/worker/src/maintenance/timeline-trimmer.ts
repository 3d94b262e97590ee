import { Inject, Injectable } from '@nestjs/common';
import { Environment, REDIS } from '@nexus/core';
import Redis from 'ioredis';

const SCAN_COUNT = 500;

// The same rule as the feed's trim-on-push (libs/feed TimelineStore): sentinel members (`ready`,
// `building`) sit at score 0 and are never trimmed; of the post ids, the oldest beyond the cap go.
const TRIM = `
local n = redis.call('ZCARD', KEYS[1])
local s = redis.call('ZCOUNT', KEYS[1], 0, 0)
local excess = n - s - tonumber(ARGV[1])
if excess > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[1], s, s + excess - 1)
  return excess
end
return 0`;

/**
 * Safety net for the feed's trim-on-push: walks every `feed:<userId>` sorted set with SCAN (never
 * KEYS, which blocks Redis) and cuts it to FEED_TIMELINE_CAP post ids. Trimming a set that is
 * already small is a no-op, so this can race fan-out pushes harmlessly.
 */
@Injectable()
export class TimelineTrimmer {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  /** Post ids removed. */
  async trim(): Promise<number> {
    const prefix = this.env.REDIS_PREFIX;
    // SCAN's MATCH and its results carry the full key; the client adds the prefix itself.
    const match = `${prefix}feed:*`;
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        match,
        'COUNT',
        SCAN_COUNT,
        'TYPE',
        'zset',
      );
      cursor = next;
      const timelines = keys.map((k) => k.slice(prefix.length)).filter((k) => /^feed:\d+$/.test(k));
      if (timelines.length) {
        const pipeline = this.redis.pipeline();
        for (const key of timelines) pipeline.eval(TRIM, 1, key, this.env.FEED_TIMELINE_CAP);
        for (const [err, count] of (await pipeline.exec()) ?? []) {
          if (!err) removed += Number(count);
        }
      }
    } while (cursor !== '0');
    return removed;
  }
}
