import { INestApplicationContext } from '@nestjs/common';
import { feedUpdatedTopic } from '@nexus/feed';
import { Client } from 'pg';
import { countStatements, waitForQuietDatabase } from '../support/statements';
import { createPost, createUsers, TestUser } from '../support/factory';
import {
  drainFeedQueue,
  dropTimelines,
  graphqlFeedIds,
  referenceFeed,
  restFeedIds,
} from '../support/feed-support';
import { gql } from '../support/graphql';
import { subscribe, waitForListener } from '../support/subscriptions';
import { connectDatabase } from '../support/test-database';
import { createTestApp, createTestWorker, TestApp } from '../support/test-app';

describe('feed', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: Client;
  const savedCap = process.env.FEED_TIMELINE_CAP;
  beforeAll(async () => {
    // A small window, so paging past it (into PostgreSQL) happens with a few dozen posts.
    process.env.FEED_TIMELINE_CAP = '10';
    t = await createTestApp();
    worker = await createTestWorker();
    db = await connectDatabase();
  });
  afterAll(async () => {
    process.env.FEED_TIMELINE_CAP = savedCap;
    await db.end();
    await worker.close();
    await t.close();
  });

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const post = (u: TestUser, content = `by ${u.username}`) => createPost(t.http, u, content);
  const follow = (a: TestUser, b: TestUser) =>
    t.http.post(`/api/users/${b.id}/follow`).set(auth(a)).expect(200);
  const settle = () => drainFeedQueue(t.app);

  it("answers the brief's query exactly as written, with JWT or Bearer", async () => {
    const [me, friend] = await createUsers(t.app, 2);
    await follow(me, friend);
    const mine = await post(me, 'mine');
    const theirs = await post(friend, 'theirs');
    await settle();
    for (const scheme of ['JWT', 'Bearer']) {
      const res = await gql<{ feed: unknown[] }>(
        t.http,
        `query { feed(userId: ${me.id}) { id content author { username } createdAt } }`,
        undefined,
        me.token,
        scheme,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.feed).toEqual([
        {
          id: theirs,
          content: 'theirs',
          author: { username: friend.username },
          createdAt: expect.any(String),
        },
        {
          id: mine,
          content: 'mine',
          author: { username: me.username },
          createdAt: expect.any(String),
        },
      ]);
    }
  });

  it("refuses another user's feed (FORBIDDEN), anonymous callers and bad paging (400)", async () => {
    const [me, other] = await createUsers(t.app, 2);
    const foreign = await gql(
      t.http,
      `query { feed(userId: ${other.id}) { id } }`,
      undefined,
      me.token,
    );
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await gql(t.http, 'query { feed { id } }');
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.http.get('/api/feed').expect(401)).body.code).toBe('UNAUTHENTICATED');
    for (const query of ['first=0', 'first=101', 'first=abc', 'after=bogus', 'after=aWQ6eA']) {
      const res = await t.http.get(`/api/feed?${query}`).set(auth(me)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    for (const args of ['first: 0', 'first: 101', 'after: "x1"', 'userId: "abc"']) {
      const res = await gql(t.http, `query { feed(${args}) { id } }`, undefined, me.token);
      expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    }
  });

  it('serves posts of followees and self only, newest first, in the full Post shape over REST', async () => {
    const [me, friend, stranger] = await createUsers(t.app, 3);
    await follow(me, friend);
    const ids = [await post(friend), await post(stranger), await post(me), await post(friend)];
    await settle();
    const res = await t.http.get('/api/feed').set(auth(me)).expect(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[2], ids[0]]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data[0]).toEqual({
      id: ids[3],
      title: null,
      content: `by ${friend.username}`,
      mediaUrl: null,
      author: { id: friend.id, username: friend.username, displayName: null, avatarUrl: null },
      likeCount: 0,
      commentCount: 0,
      shareCount: 0,
      viewerHasLiked: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('answers the same posts and author summaries on REST and GraphQL, from the timeline and from PostgreSQL', async () => {
    const [me, friend] = await createUsers(t.app, 2);
    await t.http
      .patch('/api/users/me')
      .set(auth(friend))
      .send({ displayName: 'Friend F', avatarUrl: 'https://example.com/f.png', bio: 'not shown' })
      .expect(200);
    await follow(me, friend);
    await restFeedIds(t.http, me, 5); // the cold read queues the timeline's rebuild
    await settle();
    const ids = [await post(friend, 'first'), await post(me, 'mine'), await post(friend, 'third')];
    await t.http.post(`/api/posts/${ids[0]}/like`).set(auth(me)).expect(200);
    await settle();
    const fields = 'id title content mediaUrl likeCount commentCount shareCount viewerHasLiked';
    const graphql = async () => {
      const res = await gql<{ feed: Record<string, unknown>[] }>(
        t.http,
        `{ feed(first: 5) { ${fields} createdAt updatedAt
            author { id username displayName avatarUrl } } }`,
        undefined,
        me.token,
      );
      return res.data!.feed;
    };
    const rest = async () =>
      (await t.http.get('/api/feed?first=5').set(auth(me)).expect(200)).body.data;

    expect(await rest()).toEqual(await graphql()); // both hydrated from the timeline
    const [third, mine, first] = await rest();
    expect(third.author).toEqual({
      id: friend.id,
      username: friend.username,
      displayName: 'Friend F',
      avatarUrl: 'https://example.com/f.png',
    });
    expect(mine.author).toEqual({
      id: me.id,
      username: me.username,
      displayName: null,
      avatarUrl: null,
    });
    expect([third.id, mine.id, first.id, first.viewerHasLiked, third.viewerHasLiked]).toEqual([
      ids[2],
      ids[1],
      ids[0],
      true,
      false,
    ]);

    await dropTimelines();
    expect(await rest()).toEqual(await graphql()); // both pulled from PostgreSQL
    expect(await rest()).toEqual([third, mine, first]);
  });

  it('drops deleted posts, unfollowed and blocked authors, and back-fills on follow', async () => {
    const [me, a, b, c] = await createUsers(t.app, 4);
    const [pa, pb, pc] = [await post(a), await post(b), await post(c)];
    await restFeedIds(t.http, me, 20); // warms the timeline (rebuilt by the worker)
    await settle();
    await follow(me, a);
    await follow(me, b);
    await follow(c, me);
    await settle();
    expect(await restFeedIds(t.http, me, 20)).toEqual([pb, pa]);

    await t.http.delete(`/api/posts/${pa}`).set(auth(a)).expect(204);
    await t.http.delete(`/api/users/${b.id}/follow`).set(auth(me)).expect(204);
    expect(await restFeedIds(t.http, me, 20)).toEqual([]); // filtered at read, before the jobs ran
    await settle();
    expect(await restFeedIds(t.http, me, 20)).toEqual([]);

    await follow(me, c);
    await settle();
    expect(await restFeedIds(t.http, me, 20)).toEqual([pc]);
    // c blocks me: c's posts leave my feed and mine leave c's.
    const mine = await post(me);
    await settle();
    expect(await restFeedIds(t.http, c, 20)).toContain(mine);
    await t.http.post(`/api/users/${me.id}/block`).set(auth(c)).expect(200);
    expect(await restFeedIds(t.http, me, 20)).toEqual([mine]);
    expect(await restFeedIds(t.http, c, 20)).toEqual([pc]);
  });

  it('answers a cold timeline from PostgreSQL (never empty) and then from the rebuilt timeline', async () => {
    const [me, friend] = await createUsers(t.app, 2);
    await follow(me, friend);
    const ids = [await post(friend), await post(friend), await post(me)];
    await settle();
    await dropTimelines();
    const cold = await restFeedIds(t.http, me, 2);
    expect(cold).toEqual([...ids].reverse());
    await settle(); // the rebuild job
    // The first warm read may also record the reader's activity (an UPDATE, at most hourly).
    await t.http.get('/api/feed?first=2').set(auth(me)).expect(200);
    await waitForQuietDatabase(); // that UPDATE runs after the answer: not this read's
    const warmStatements = await countStatements(() =>
      t.http.get('/api/feed?first=2').set(auth(me)).expect(200),
    );
    expect(warmStatements).toBe(1); // one hydrate statement per page, no pull
    expect(await restFeedIds(t.http, me, 2)).toEqual([...ids].reverse());
  });

  it('pages past the cached window into PostgreSQL, complete at any depth, on both doors', async () => {
    const [me, ...friends] = await createUsers(t.app, 4);
    for (const f of friends) await follow(me, f);
    await restFeedIds(t.http, me, 5);
    await settle();
    for (let i = 0; i < 36; i++) await post(friends[i % 3], `post ${i}`);
    await settle();
    const expected = await referenceFeed(db, me.id);
    expect(expected).toHaveLength(36);
    expect(await restFeedIds(t.http, me, 7)).toEqual(expected);
    expect(await graphqlFeedIds(t.http, me, 5)).toEqual(expected);
    expect(await restFeedIds(t.http, me, 100)).toEqual(expected);
  });

  it('tells a subscriber on another API instance that a post entered their feed', async () => {
    const other = await createTestApp();
    try {
      const [me, friend] = await createUsers(t.app, 2);
      await follow(me, friend);
      await restFeedIds(t.http, me, 5); // active reader
      await settle();
      const sub = subscribe<{
        feedUpdated: { post: { id: string; author: { username: string } } };
      }>(
        other.url,
        'subscription { feedUpdated { post { id author { username } } } }',
        {},
        me.token,
      );
      try {
        await waitForListener(feedUpdatedTopic(me.id));
        const id = await post(friend, 'fresh');
        expect((await sub.next(10_000)).feedUpdated).toEqual({
          post: { id, author: { username: friend.username } },
        });
      } finally {
        await sub.close();
      }
    } finally {
      await other.close();
    }
  });
});
