import { Inject, Injectable } from '@nestjs/common';
import { Environment, REDIS } from '@nexus/core';
import Redis from 'ioredis';

/** DESIGN §5: a home timeline keeps the newest 800 post ids. */
export const TIMELINE_CAP = 800;
const SCAN_COUNT = 500;

/**
 * Safety net for the feed's trim-on-push: walks every `feed:<userId>` sorted set with SCAN (never
 * KEYS, which blocks Redis) and drops all but the newest 800. ZREMRANGEBYRANK on a set that is
 * already small is a no-op, so this can race fan-out pushes harmlessly.
 */
@Injectable()
export class TimelineTrimmer {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  /** Entries removed. */
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
        for (const key of timelines) pipeline.zremrangebyrank(key, 0, -(TIMELINE_CAP + 1));
        for (const [err, count] of (await pipeline.exec()) ?? []) {
          if (!err) removed += Number(count);
        }
      }
    } while (cursor !== '0');
    return removed;
  }
}
