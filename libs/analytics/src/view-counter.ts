import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS } from '@nexus/core';
import Redis from 'ioredis';

/** Redis hash of pending view counts: field `<postId>|<YYYY-MM-DD>`, value the count. */
export const VIEWS_KEY = 'analytics:views';

/**
 * Counts a post view with one HINCRBY, never awaited by the request and skipped while Redis is
 * down (a lost view is acceptable; a read that waits on Redis is not). The worker flushes the
 * hash into post_stats_daily on a schedule, so PostgreSQL sees one write per batch, not per view.
 */
@Injectable()
export class ViewCounter {
  private readonly logger = new Logger(ViewCounter.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  count(postId: string, at = new Date()): void {
    if (this.redis.status !== 'ready') return;
    this.redis
      .hincrby(VIEWS_KEY, `${postId}|${at.toISOString().slice(0, 10)}`, 1)
      .catch((err: Error) => this.logger.warn(`View not counted: ${err.message}`));
  }
}
