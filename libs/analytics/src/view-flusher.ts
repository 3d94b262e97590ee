import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@nexus/core';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addViews, claimEvent } from './post-stats.queries';
import { VIEWS_KEY } from './view-counter';

const BATCHES_KEY = 'analytics:view-batches';

/**
 * Moves view counters into post_stats_daily exactly once. RENAME detaches the live hash into a
 * batch atomically (new views start a fresh hash); the batch key is claimed in the same
 * transaction that adds its counts, so a flush that dies after the commit but before deleting the
 * batch re-reads it, conflicts and adds nothing.
 */
@Injectable()
export class ViewFlusher {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly db: DataSource,
  ) {}

  /** Views written to PostgreSQL by this call. */
  async flush(): Promise<number> {
    const batch = `analytics:views-batch:${randomUUID()}`;
    // RENAME fails when nothing was viewed; SADD still records nothing harmful.
    await this.redis.multi().rename(VIEWS_KEY, batch).sadd(BATCHES_KEY, batch).exec();
    let total = 0;
    for (const key of await this.redis.smembers(BATCHES_KEY)) total += await this.flushBatch(key);
    return total;
  }

  private async flushBatch(key: string): Promise<number> {
    const counts = await this.redis.hgetall(key);
    const rows = Object.entries(counts).map(([field, views]) => {
      const [postId, day] = field.split('|');
      return { postId, day, views: Number(views) };
    });
    const valid = rows.filter(
      (r) => /^\d{1,19}$/.test(r.postId) && /^\d{4}-\d{2}-\d{2}$/.test(r.day),
    );
    if (valid.length) {
      await this.db.transaction(async (tx) => {
        if (await claimEvent(tx, key)) await addViews(tx, valid);
      });
    }
    await this.redis.multi().del(key).srem(BATCHES_KEY, key).exec();
    return valid.reduce((sum, r) => sum + r.views, 0);
  }
}
