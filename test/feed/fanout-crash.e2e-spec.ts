import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import { feedJobIds } from '@nexus/feed';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createUser } from '../support/factory';
import { drainFeedQueue } from '../support/feed-support';
import { spawnApp, waitForExit, waitForOutput } from '../support/spawn-app';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

const FOLLOWERS = 5000;

describe('fan-out survives a worker killed mid-batch', () => {
  let t: TestApp;
  let db: Client;
  let redis: Redis;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.FEED_FANOUT_BATCH = '25';
    t = await createTestApp();
    db = await connectDatabase();
    redis = new Redis(process.env.REDIS_URL!, { keyPrefix: process.env.REDIS_PREFIX });
  });
  afterAll(async () => {
    process.env = saved;
    redis.disconnect();
    await db.end();
    await t.close();
  });

  it('delivers the post to each of 5,000 active followers exactly once after SIGKILL and a new worker', async () => {
    const author = await createUser(t.app);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (username, email, password_hash, last_active_at)
       SELECT 'crash_' || g, 'crash_' || g || '@example.test', 'x', now()
       FROM generate_series(1, $1) g RETURNING id`,
      [FOLLOWERS],
    );
    const followers = rows.map((r) => r.id);
    await db.query(
      `INSERT INTO follows (follower_id, followee_id) SELECT f, $1 FROM unnest($2::bigint[]) f`,
      [author.id, followers],
    );
    await db.query(`UPDATE users SET followers_count = $2 WHERE id = $1`, [author.id, FOLLOWERS]);
    // Warm timelines: fan-out only pushes into timelines that exist.
    const warm = redis.pipeline();
    for (const id of followers) warm.zadd(`feed:${id}`, 0, 'ready').expire(`feed:${id}`, 600);
    await warm.exec();
    const delivered = async () => {
      const p = redis.pipeline();
      for (const id of followers) p.zscore(`feed:${id}`, postId);
      return (await p.exec())!.filter(([, score]) => score !== null).length;
    };

    let postId = '';
    const first = spawnApp('worker');
    try {
      await waitForOutput(first, /Worker ready/);
      postId = (
        await t.http
          .post('/api/posts')
          .set('Authorization', `Bearer ${author.token}`)
          .send({ content: 'to 5,000 followers' })
          .expect(201)
      ).body.id;
      // Kill as soon as the first batch landed (one key polled, so the poll itself is quick):
      // 200 batches of 25 are then still to go.
      const firstKey = `feed:${followers[0]}`;
      for (let i = 0; i < 20_000; i++) {
        if ((await redis.zscore(firstKey, postId)) !== null) break;
      }
      first.kill('SIGKILL');
      const reached = await redis.zscore(firstKey, postId).then((s) => (s === null ? 0 : 1));
      await waitForExit(first);
      const atKill = await delivered();
      expect(reached).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(FOLLOWERS); // killed in the middle, not after
    } finally {
      if (first.exitCode === null) first.kill('SIGKILL');
    }

    const second = spawnApp('worker');
    try {
      await waitForOutput(second, /Worker ready/);
      await drainFeedQueue(t.app, 45_000);
      const queue = t.app.get<Queue>(getQueueToken(QUEUES.feed));
      expect(await queue.getJobState(feedJobIds.fanout(postId))).toBe('completed');
    } finally {
      second.kill('SIGTERM');
      await waitForExit(second);
    }
    expect(await delivered()).toBe(FOLLOWERS);
    // Exactly once: every timeline holds the post as one member (sorted-set adds are idempotent).
    const counts = redis.pipeline();
    for (const id of followers) counts.zcount(`feed:${id}`, postId, postId);
    expect(new Set((await counts.exec())!.map(([, n]) => n))).toEqual(new Set([1]));
  });
});
