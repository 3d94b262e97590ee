import { Inject, Injectable } from '@nestjs/common';
import { Environment, REDIS } from '@nexus/core';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { selectTrendingScores } from './trending.queries';

export type TrendingWindow = 'HOUR' | 'DAY';

const WINDOWS: Record<TrendingWindow, { seconds: number; halfLife: number }> = {
  HOUR: { seconds: 3600, halfLife: 20 * 60 },
  DAY: { seconds: 86_400, halfLife: 6 * 3600 },
};

/** How many posts each sorted set keeps; `first` is at most 100. */
const KEPT = 500;

export function trendingKey(window: TrendingWindow): string {
  return `trending:${window}`;
}

/**
 * Trending posts per window. The worker's scheduled job recomputes each window from SQL into a
 * Redis sorted set (score = decayed interaction weight); readers take the top of the set, and
 * compute from SQL when it is missing (worker down, Redis restarted, nothing yet).
 */
@Injectable()
export class TrendingService {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  /** Recompute every window; returns the number of posts per window. */
  async refresh(): Promise<Record<TrendingWindow, number>> {
    const counts = { HOUR: 0, DAY: 0 };
    // A set outlives a few missed runs, then expires so readers fall back to SQL.
    const ttl = Math.max(5 * 60_000, 3 * this.env.TRENDING_INTERVAL_MS);
    for (const window of Object.keys(WINDOWS) as TrendingWindow[]) {
      const scores = await this.compute(window, KEPT);
      counts[window] = scores.length;
      const key = trendingKey(window);
      if (!scores.length) {
        await this.redis.del(key);
        continue;
      }
      // Build aside, then RENAME: readers see the old set or the new one, never half of it.
      const tmp = `${key}:build:${randomUUID()}`;
      await this.redis
        .multi()
        .zadd(tmp, ...scores.flatMap((s) => [s.score, s.postId]))
        .rename(tmp, key)
        .pexpire(key, ttl)
        .exec();
    }
    return counts;
  }

  /** Post ids, best first. */
  async postIds(window: TrendingWindow, first: number): Promise<string[]> {
    if (this.redis.status === 'ready') {
      const ids = await this.redis.zrevrange(trendingKey(window), 0, first - 1);
      if (ids.length) return ids;
    }
    return (await this.compute(window, first)).map((s) => s.postId);
  }

  private async compute(window: TrendingWindow, limit: number) {
    const { seconds, halfLife } = WINDOWS[window];
    const rows = await selectTrendingScores(this.db.manager, seconds, halfLife, limit);
    return rows.map((r) => ({ postId: r.post_id, score: r.score }));
  }
}
