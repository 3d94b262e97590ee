import { Logger } from '@nestjs/common';
import { Metrics } from '@nexus/core';
import { HitGrant, RedisHitCounter } from './redis-hit-counter';

/** A limiter call never holds a request longer than this. */
export const LIMITER_TIMEOUT_MS = 250;
const LOG_EVERY_MS = 10_000;

/**
 * Wraps the Redis counter so an outage lets requests through instead of hanging or failing them:
 * a read served from PostgreSQL alone must keep working while Redis is down. `take` then answers
 * null; each such pass-through is counted (`rate_limiter_fail_open_total`) and logged at most
 * every 10 s. The Redis client itself has no offline queue, so a down Redis fails at once.
 */
export class FailOpenHitCounter {
  private readonly logger = new Logger('RateLimiter');
  private lastLog = 0;

  constructor(
    private readonly inner: RedisHitCounter,
    private readonly metrics: Metrics,
  ) {}

  async take(...args: Parameters<RedisHitCounter['take']>): Promise<HitGrant | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.inner.take(...args),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), LIMITER_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      this.failOpen(err as Error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private failOpen(err: Error): void {
    this.metrics.rateLimiterFailOpen.inc();
    const now = Date.now();
    if (now - this.lastLog >= LOG_EVERY_MS) {
      this.lastLog = now;
      this.logger.warn(`Rate-limit store unavailable, failing open: ${err.message.slice(0, 200)}`);
    }
  }
}
