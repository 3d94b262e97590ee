import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { Metrics } from '@nexus/core';

/** A limiter check never holds a request longer than this. */
export const LIMITER_TIMEOUT_MS = 250;
const LOG_EVERY_MS = 10_000;

/**
 * Wraps the Redis throttler storage so an outage lets requests through instead of hanging or
 * failing them: a read served from PostgreSQL alone must keep working while Redis is down.
 * Each pass-through is counted (`rate_limiter_fail_open_total`) and logged at most every 10 s.
 * The Redis client itself has no offline queue, so a down Redis fails at once, not after 250 ms.
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimiter');
  private lastLog = 0;

  constructor(
    private readonly inner: ThrottlerStorage & { onModuleDestroy?: () => unknown },
    private readonly metrics: Metrics,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.inner.increment(key, ttl, limit, blockDuration, throttlerName),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), LIMITER_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      this.failOpen(err as Error);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): unknown {
    return this.inner.onModuleDestroy?.();
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
