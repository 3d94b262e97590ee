import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import { NOTIFY_JOB, notificationAddedTopic, notifyJobId } from '@nexus/notifications';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { createPost, createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { spawnApp, waitForOutput } from '../support/spawn-app';
import { subscribe, waitForListener } from '../support/subscriptions';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

interface Added {
  notificationAdded: { type: string; postId: string; actor: { username: string }; read: boolean };
}

describe('notifications (real worker process)', () => {
  let a: TestApp;
  let b: TestApp;
  let db: Client;
  let worker: ReturnType<typeof spawnApp>;
  let queue: Queue;
  let author: TestUser;
  let fan: TestUser;
  let pest: TestUser;
  let other: TestUser;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    db = await connectDatabase();
    [author, fan, pest, other] = await createUsers(a.app, 4);
    await db.query('INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2)', [
      author.id,
      pest.id,
    ]);
    queue = a.app.get<Queue>(getQueueToken(QUEUES.notifications));
    worker = spawnApp('worker');
    await waitForOutput(worker, /Worker ready/);
  });
  afterAll(async () => {
    worker.kill('SIGTERM');
    await db.end();
    await a.close();
    await b.close();
  });

  const rows = async (recipientId: string) =>
    (
      await db.query<{ type: string; actor_id: string }>(
        'SELECT type, actor_id FROM notifications WHERE recipient_id = $1 ORDER BY id',
        [recipientId],
      )
    ).rows;
  const newPost = (owner: TestUser) => createPost(a.http, owner, 'notify me');

  it('turns a like, comment and share into notifications, pushed live to another instance', async () => {
    const postId = await newPost(author);
    const sub = subscribe<Added>(
      a.url,
      'subscription { notificationAdded { type postId read actor { username } } }',
      {},
      author.token,
    );
    try {
      await waitForListener(notificationAddedTopic(author.id));
      await b.http.post(`/api/posts/${postId}/like`).set(auth(fan)).expect(200);
      expect((await sub.next(15_000)).notificationAdded).toEqual({
        type: 'POST_LIKED',
        postId,
        read: false,
        actor: { username: fan.username },
      });
    } finally {
      await sub.close();
    }
    await b.http.post(`/api/posts/${postId}/comments`).set(auth(fan)).send({ content: 'hi' });
    await b.http.post(`/api/posts/${postId}/share`).set(auth(fan));
    const page = await eventually(
      async () => (await a.http.get('/api/notifications').set(auth(author)).expect(200)).body,
      (body) => body.data.length === 3,
    );
    expect(page.data.map((n: { type: string }) => n.type)).toEqual([
      'POST_SHARED',
      'POST_COMMENTED',
      'POST_LIKED',
    ]);
    expect(page.data[0]).toMatchObject({
      postId,
      read: false,
      readAt: null,
      actor: { id: fan.id, username: fan.username },
    });
    expect(page.data[1].commentId).toMatch(/^\d+$/);
  });

  it('notifies the followee of a new follower once, however often they re-follow', async () => {
    const follow = () => a.http.post(`/api/users/${other.id}/follow`).set(auth(fan));
    expect((await follow()).status).toBeLessThan(300);
    await a.http.delete(`/api/users/${other.id}/follow`).set(auth(fan)).expect(204);
    expect((await follow()).status).toBeLessThan(300);
    const followed = async () =>
      (await rows(other.id)).filter((n) => n.type === 'USER_FOLLOWED' && n.actor_id === fan.id);
    await eventually(followed, (r) => r.length === 1);
    // The second follow's job (another follows.seq, same event) has been processed by now too.
    await eventually(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active');
        return counts.waiting + counts.active;
      },
      (pending) => pending === 0,
    );
    expect(await followed()).toHaveLength(1);
  });

  it('notifies nobody about their own actions or from someone they blocked', async () => {
    const postId = await newPost(author);
    await a.http.post(`/api/posts/${postId}/like`).set(auth(author)).expect(200);
    await a.http.post(`/api/posts/${postId}/like`).set(auth(pest)).expect(200);
    // Jobs that slipped past the producer's filter (self) must be refused by the worker too.
    const self = await queue.add(NOTIFY_JOB, {
      type: 'POST_LIKED',
      recipientId: author.id,
      actorId: author.id,
      postId,
    });
    // A later event from a fan proves the earlier jobs were processed (one queue, FIFO).
    await a.http.post(`/api/posts/${postId}/like`).set(auth(other)).expect(200);
    await eventually(
      () => rows(author.id),
      (r) => r.some((n) => n.actor_id === other.id),
    );
    await eventually(
      () => self.getState(),
      (s) => s === 'completed',
    );
    const blocked = await queue.getJob(
      notifyJobId({ type: 'POST_LIKED', recipientId: author.id, actorId: pest.id, postId }),
    );
    await eventually(
      () => blocked!.getState(),
      (s) => s === 'completed',
    );
    const actors = (await rows(author.id)).map((n) => n.actor_id);
    expect(actors).not.toContain(author.id);
    expect(actors).not.toContain(pest.id);
  });

  it('writes a duplicated job once: the unique key decides', async () => {
    const postId = await newPost(other);
    const data = { type: 'POST_LIKED', recipientId: other.id, actorId: fan.id, postId };
    // Different job ids (a producer bug or a replay): BullMQ cannot deduplicate these.
    const jobs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        queue.add(NOTIFY_JOB, data, { jobId: `dup-${postId}-${i}` }),
      ),
    );
    await eventually(
      () => Promise.all(jobs.map((j) => j.getState())),
      (states) => states.every((s) => s === 'completed'),
    );
    const stored = (await rows(other.id)).filter(
      (n) => n.actor_id === fan.id && n.type === 'POST_LIKED',
    );
    expect(stored).toHaveLength(1);
  });

  it('fails a malformed job at once with a clear error and keeps working', async () => {
    const bad = await queue.add(NOTIFY_JOB, { type: 'POST_LIKED', recipientId: 'alice' });
    const state = await eventually(
      () => bad.getState(),
      (s) => s === 'failed',
    );
    expect(state).toBe('failed');
    const failed = await queue.getJob(bad.id!);
    expect(failed!.failedReason).toBe(
      'Invalid notifications job payload: recipientId must be a numeric id string',
    );
    expect(failed!.attemptsMade).toBe(1); // unrecoverable: no retries
    // The API's /metrics sees every worker's jobs through BullMQ's event stream.
    const scrape = await eventually(
      async () => (await a.http.get('/metrics')).text,
      (text) => /queue_jobs_failed_total\{queue="notifications",name="notify"\} 1/.test(text),
    );
    expect(scrape).toMatch(
      /queue_job_duration_seconds_count\{queue="notifications",name="notify",outcome="completed"\} [1-9]/,
    );
    const postId = await newPost(fan);
    await a.http.post(`/api/posts/${postId}/like`).set(auth(other)).expect(200);
    await eventually(
      () => rows(fan.id),
      (r) => r.length === 1,
    );
    expect(worker.exitCode).toBeNull();
  });

  it('pages, filters unread, counts and marks read on both doors, only your own', async () => {
    const postId = await newPost(pest);
    for (const u of [author, fan, other]) {
      await a.http.post(`/api/posts/${postId}/like`).set(auth(u)).expect(200);
    }
    await eventually(
      () => rows(pest.id),
      (r) => r.length === 3,
    );

    const first = (await a.http.get('/api/notifications?first=2').set(auth(pest)).expect(200)).body;
    expect(first.data).toHaveLength(2);
    const second = (
      await a.http.get(`/api/notifications?first=2&after=${first.nextCursor}`).set(auth(pest))
    ).body;
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    // Someone else's ids change nothing.
    const foreign = await a.http
      .post('/api/notifications/read')
      .set(auth(fan))
      .send({ ids: [first.data[0].id] })
      .expect(200);
    expect(foreign.body.updated).toBe(0);

    const marked = await a.http
      .post('/api/notifications/read')
      .set(auth(pest))
      .send({ ids: [first.data[0].id] })
      .expect(200);
    expect(marked.body).toEqual({ updated: 1, unreadCount: 2 });

    const unread = await gql<{
      notifications: { data: { id: string; read: boolean }[] };
      unreadCount: number;
    }>(
      a.http,
      '{ notifications(unreadOnly: true) { data { id read } } unreadCount }',
      {},
      pest.token,
    );
    expect(unread.data!.unreadCount).toBe(2);
    expect(unread.data!.notifications.data.map((n) => n.id)).not.toContain(first.data[0].id);
    expect(
      (await a.http.get('/api/notifications?unreadOnly=true').set(auth(pest))).body.data,
    ).toHaveLength(2);

    const all = await gql<{ markNotificationsRead: { updated: number; unreadCount: number } }>(
      a.http,
      'mutation { markNotificationsRead(input: { all: true }) { updated unreadCount } }',
      {},
      pest.token,
    );
    expect(all.data!.markNotificationsRead).toEqual({ updated: 2, unreadCount: 0 });
    expect((await a.http.get('/api/notifications/unread-count').set(auth(pest))).body).toEqual({
      unreadCount: 0,
    });
  });

  it('rejects bad input and anonymous callers', async () => {
    for (const body of [
      {},
      { ids: ['1'], all: true },
      { all: false },
      { ids: [] },
      { ids: ['x'] },
    ]) {
      const res = await a.http.post('/api/notifications/read').set(auth(fan)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await a.http.get('/api/notifications').expect(401);
    const anon = await gql(a.http, '{ unreadCount }');
    expect(anon.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await a.http.get('/api/notifications?unreadOnly=maybe').set(auth(fan))).status).toBe(
      400,
    );
  });
});
