import { QUEUES } from '@nexus/core';
import { INestApplicationContext } from '@nestjs/common';
import { Job } from 'bullmq';
import Redis from 'ioredis';
import { MaintenanceProcessor } from '../../apps/worker/src/maintenance/maintenance.processor';
import { drainQueue } from '../support/queues';
import { createTestWorker } from '../support/test-app';

describe('maintenance jobs', () => {
  let worker: INestApplicationContext;
  let redis: Redis;
  const run = (name: string) =>
    worker.get(MaintenanceProcessor).process({ name, data: {} } as Job) as Promise<{
      removed: number;
    }>;

  beforeAll(async () => {
    worker = await createTestWorker();
    // The schedulers run each maintenance job once at start: let that run finish first, so the
    // jobs this test runs are the only ones touching its rows.
    await drainQueue(worker, QUEUES.maintenance);
    redis = new Redis(process.env.REDIS_URL!, { keyPrefix: process.env.REDIS_PREFIX });
  });
  afterAll(async () => {
    redis.disconnect();
    await worker.close();
  });

  it('trims timelines to the newest 800 post ids, keeping sentinels and other keys', async () => {
    const ids = Array.from({ length: 900 }, (_, i) => i + 1);
    await redis.zadd('feed:1', 0, 'ready', ...ids.flatMap((id) => [id, String(id)]));
    await redis.zadd('feed:2', 0, 'ready', 5, '5', 9, '9');
    // Not a timeline (other type, other shape): left alone.
    await redis.set('feed:3', 'x');
    await redis.zadd('feed:meta:1', ...ids.flatMap((id) => [id, String(id)]));

    expect((await run('trim-timelines')).removed).toBe(100);
    expect(await redis.zcard('feed:1')).toBe(801);
    expect(await redis.zscore('feed:1', 'ready')).toBe('0');
    expect(await redis.zrange('feed:1', 1, 1)).toEqual(['101']); // oldest kept
    expect(await redis.zcard('feed:2')).toBe(3);
    expect(await redis.zcard('feed:meta:1')).toBe(900);
    expect((await run('trim-timelines')).removed).toBe(0);
  });

  it('runs the queue clean-up over every queue', async () => {
    const result = (await worker
      .get(MaintenanceProcessor)
      .process({ name: 'clean-queues', data: {} } as Job)) as { removed: Record<string, number> };
    expect(Object.keys(result.removed).sort()).toEqual([
      'analytics',
      'feed',
      'maintenance',
      'notifications',
      'polls',
      'system',
    ]);
  });
});
