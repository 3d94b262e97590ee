import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { createUsers, TestUser } from '../support/factory';
import { PrivateRedis } from '../support/private-redis';
import { spawnApp, waitForExit, waitForOutput } from '../support/spawn-app';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

// What the issue asks of a PostgreSQL-only read while Redis is down: an answer within a second.
const READ_DEADLINE_MS = 1000;

describe('Redis outage (private redis-server stopped and restarted)', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let db: Client;
  let worker: ReturnType<typeof spawnApp>;
  let author: TestUser;
  let fan: TestUser;
  const sharedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url; // the API below and the spawned worker use it
    t = await createTestApp();
    db = await connectDatabase();
    [author, fan] = await createUsers(t.app, 2);
    worker = spawnApp('worker', { OUTBOX_RELAY_INTERVAL_MS: '200' });
    await waitForOutput(worker, /Worker ready/);
  }, 60_000);
  afterAll(async () => {
    worker.kill('SIGTERM');
    await waitForExit(worker).catch(() => worker.kill('SIGKILL'));
    await db.end();
    await t.close();
    await redis.down();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('serves reads, keeps writes and delivers their jobs exactly once when Redis returns', async () => {
    const postId = (
      await t.http
        .post('/api/posts')
        .set('Authorization', `Bearer ${author.token}`)
        .send({ content: 'outage' })
        .expect(201)
    ).body.id as string;

    await redis.down();
    await eventually(
      async () => (await t.http.get('/health/ready')).status,
      (status) => status === 503,
      10_000,
    );

    // Reads that need only PostgreSQL: the rate limiter fails open instead of waiting on Redis.
    const read = await t.http.get(`/api/posts/${postId}`).timeout(READ_DEADLINE_MS);
    expect(read.status).toBe(200);
    expect((await t.http.get('/api/posts').timeout(READ_DEADLINE_MS)).status).toBe(200);
    expect((await t.http.get('/metrics')).text).toMatch(/rate_limiter_fail_open_total [1-9]/);

    // A write commits; its notification and analytics jobs wait in the outbox.
    const like = await t.http
      .post(`/api/posts/${postId}/like`)
      .set('Authorization', `Bearer ${fan.token}`)
      .timeout(5000);
    expect(like.status).toBe(200);
    expect(like.body.liked).toBe(true);
    const pending = await db.query<{ queue: string }>('SELECT queue FROM outbox ORDER BY queue');
    expect(pending.rows.map((r) => r.queue)).toEqual(['analytics', 'notifications']);

    await redis.up();
    await eventually(
      async () => (await t.http.get('/health/ready')).status,
      (status) => status === 200,
      5000,
    );

    const notifications = () =>
      db
        .query<{ count: number }>(
          `SELECT count(*)::int AS count FROM notifications
           WHERE recipient_id = $1 AND actor_id = $2 AND type = 'POST_LIKED'`,
          [author.id, fan.id],
        )
        .then((r) => r.rows[0].count);
    const likes = () =>
      db
        .query<{ likes: number }>(
          'SELECT coalesce(sum(likes), 0)::int AS likes FROM post_stats_daily WHERE post_id = $1',
          [postId],
        )
        .then((r) => r.rows[0].likes);
    await eventually(notifications, (n) => n >= 1, 30_000);
    await eventually(likes, (n) => n >= 1, 30_000);
    await eventually(
      () => db.query('SELECT 1 FROM outbox').then((r) => r.rowCount),
      (rows) => rows === 0,
      10_000,
    );
    // Give any duplicate delivery time to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await notifications()).toBe(1);
    expect(await likes()).toBe(1);
  }, 90_000);
});
