import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import {
  ANALYTICS_JOBS,
  AnalyticsEventData,
  TrendingService,
  trendingKey,
  ViewCounter,
  ViewFlusher,
  VIEWS_KEY,
  VIEWS_PER_CALL,
} from '@nexus/analytics';
import { QUEUES } from '@nexus/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { eventually } from '../support/eventually';
import { createPost, createUser, createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, createTestWorker, TestApp } from '../support/test-app';

describe('analytics: views, daily stats, trending', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let redis: Redis;
  let author: TestUser;
  let fans: TestUser[];
  let admin: TestUser;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const newPost = (content = 'stats') => createPost(t.http, author, content);
  const stats = async (postId: string, viewer = author) =>
    (await t.http.get(`/api/posts/${postId}/stats`).set(auth(viewer)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker();
    redis = new Redis(process.env.REDIS_URL!, { keyPrefix: process.env.REDIS_PREFIX });
    author = await createUser(t.app);
    admin = await createUser(t.app, 'admin');
    fans = await createUsers(t.app, 3);
  });
  afterAll(async () => {
    redis.disconnect();
    await worker.close();
    await t.close();
  });

  it('counts views in Redis and flushes them into post_stats_daily exactly once', async () => {
    const postId = await newPost();
    for (let i = 0; i < 3; i++) await t.http.get(`/api/posts/${postId}`).expect(200);
    await gql(t.http, `{ postById(id: ${postId}) { id } }`);
    await gql(t.http, `{ postById(id: ${postId}) { id } }`, undefined, fans[0].token);
    // Lists do not count as views of each post.
    await t.http.get('/api/posts').expect(200);
    const day = new Date().toISOString().slice(0, 10);
    await eventually(
      () => redis.hget(VIEWS_KEY, `${postId}|${day}`),
      (v) => v === '5',
    );

    // Parallel flushes (two workers' runs overlapping) still add each view once.
    const flusher = worker.get(ViewFlusher);
    await Promise.all([flusher.flush(), flusher.flush(), flusher.flush()]);
    await flusher.flush();
    const body = await stats(postId);
    expect(body.totals.views).toBe(5);
    expect(body.days).toEqual([{ day, views: 5, likes: 0, comments: 0, shares: 0 }]);
    expect(await redis.exists(VIEWS_KEY)).toBe(0);
  });

  it('adds every pending count when a flush needs several script calls', async () => {
    // Its own client and key prefix: these made-up posts never reach the worker's flusher.
    const prefix = `${process.env.REDIS_PREFIX}views-chunks:`;
    const own = new Redis(process.env.REDIS_URL!, { keyPrefix: prefix });
    try {
      const counter = new ViewCounter(own);
      const posts = VIEWS_PER_CALL * 2 + 500;
      const at = Date.parse('2026-12-02T12:00:00Z');
      for (let i = 0; i < posts; i++) {
        counter.count(String(i + 1), at);
        if (i % 3 === 0) counter.count(String(i + 1), at);
      }
      await own.ping(); // connected, as the app's client is (a flush waits while it is not)
      await counter.flush();
      await counter.flush(); // nothing pending: no call, nothing added twice

      const expected = Object.fromEntries(
        Array.from({ length: posts }, (_, i) => [`${i + 1}|2026-12-02`, i % 3 === 0 ? '2' : '1']),
      );
      expect(await own.hgetall(VIEWS_KEY)).toEqual(expected);
      await counter.onModuleDestroy();
    } finally {
      await own.del(VIEWS_KEY);
      own.disconnect();
    }
  });

  it('counts likes, comments and shares per day from the analytics jobs, once each', async () => {
    const postId = await newPost();
    for (const fan of fans) await t.http.post(`/api/posts/${postId}/like`).set(auth(fan));
    await t.http.post(`/api/posts/${postId}/comments`).set(auth(fans[0])).send({ content: 'a' });
    await t.http.post(`/api/posts/${postId}/share`).set(auth(fans[1]));
    const expected = { views: 0, likes: 3, comments: 1, shares: 1 };
    await eventually(
      () => stats(postId),
      (s) => s.totals.likes === 3 && s.totals.shares === 1,
    );

    // The same event replayed under other job ids (a producer replay) adds nothing.
    const analytics = t.app.get<Queue<AnalyticsEventData>>(getQueueToken(QUEUES.analytics));
    const events = (await analytics.getJobs(['completed'])).filter(
      (j) => j.name === ANALYTICS_JOBS.event && j.data.postId === postId,
    );
    expect(events.length).toBe(6); // created + 3 likes + comment + share
    const replays = await Promise.all(
      events.map((j, i) =>
        analytics.add(ANALYTICS_JOBS.event, j.data, { jobId: `replay-${postId}-${i}` }),
      ),
    );
    await eventually(
      () => Promise.all(replays.map((j) => j.getState())),
      (states) => states.every((s) => s === 'completed'),
    );
    expect((await stats(postId)).totals).toEqual(expected);
  });

  it('shows stats to the author and admins only, on both doors', async () => {
    const postId = await newPost();
    expect((await stats(postId, admin)).postId).toBe(postId);
    const forbidden = await t.http.get(`/api/posts/${postId}/stats`).set(auth(fans[0]));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await t.http.get(`/api/posts/${postId}/stats`)).status).toBe(401);
    expect((await t.http.get('/api/posts/999999999/stats').set(auth(author))).status).toBe(404);

    const query = `{ posts(first: 5) { data { id stats { postId totals { views likes } } } } }`;
    const mine = await gql<{ posts: { data: { id: string; stats: unknown }[] } }>(
      t.http,
      query,
      undefined,
      author.token,
    );
    expect(mine.data!.posts.data.every((p) => p.stats !== null)).toBe(true);
    const theirs = await gql<{ posts: { data: { stats: unknown }[] } }>(
      t.http,
      query,
      undefined,
      fans[0].token,
    );
    expect(theirs.data!.posts.data.map((p) => p.stats)).toEqual(
      mine.data!.posts.data.map(() => null),
    );
  });

  it('ranks trending posts from Redis, and from SQL when the set is missing', async () => {
    const [hot, warm, cold, gone] = [
      await newPost('hot'),
      await newPost('warm'),
      await newPost('cold'),
      await newPost('gone'),
    ];
    for (const fan of fans) {
      await t.http.post(`/api/posts/${hot}/share`).set(auth(fan));
      await t.http.post(`/api/posts/${gone}/share`).set(auth(fan));
    }
    await t.http.post(`/api/posts/${warm}/comments`).set(auth(fans[0])).send({ content: 'ok' });
    await t.http.post(`/api/posts/${cold}/like`).set(auth(fans[0]));
    await t.http.delete(`/api/posts/${gone}`).set(auth(author)).expect(204);

    // Earlier tests' posts trend too: compare the order of this test's posts only.
    const mine = (list: string[]) => list.filter((id) => [hot, warm, cold, gone].includes(id));
    await worker.get(TrendingService).refresh();
    expect(mine(await redis.zrevrange(trendingKey('HOUR'), 0, -1))).toEqual([hot, warm, cold]);
    const ids = async () =>
      mine(
        (await t.http.get('/api/trending/posts?window=HOUR&first=20').expect(200)).body.data.map(
          (p: { id: string }) => p.id,
        ),
      );
    expect(await ids()).toEqual([hot, warm, cold]);

    await redis.del(trendingKey('HOUR'));
    expect(await ids()).toEqual([hot, warm, cold]);
    const res = await gql<{ trendingPosts: { id: string; author: { username: string } }[] }>(
      t.http,
      '{ trendingPosts(window: DAY, first: 1) { id author { username } } }',
    );
    // hot: 3 shares, the most of any post in this file.
    expect(res.data!.trendingPosts).toEqual([{ id: hot, author: { username: author.username } }]);
    expect((await t.http.get('/api/trending/posts?window=WEEK')).status).toBe(400);
  });
});
