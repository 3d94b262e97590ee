import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import { POLL_JOBS, PollJobData, pollJobId } from '@nexus/polls';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { PollLifecycleProcessor } from '../../apps/worker/src/polls/poll-lifecycle.processor';
import { createUser, createUsers, TestUser } from '../support/factory';
import { connectDatabase } from '../support/test-database';
import { createTestApp, createTestWorker, TestApp } from '../support/test-app';
import { createPoll } from './poll-factory';

describe('poll lifecycle jobs in the worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: Client;
  let polls: Queue<PollJobData>;
  let notifications: Queue;
  let events: QueueEvents;
  let author: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker();
    db = await connectDatabase();
    author = await createUser(t.app);
    polls = t.app.get<Queue<PollJobData>>(getQueueToken(QUEUES.polls));
    notifications = t.app.get<Queue>(getQueueToken(QUEUES.notifications));
    events = new QueueEvents(polls.name, {
      connection: (await polls.client).options,
      prefix: polls.opts.prefix,
    });
    events.on('error', () => undefined);
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await db.end();
    await worker.close();
    await t.close();
  });

  async function closedNotificationIds(pollId: string): Promise<string[]> {
    const jobs = await notifications.getJobs([
      'waiting',
      'delayed',
      'active',
      'completed',
      'failed',
    ]);
    return jobs
      .filter((j) => j.data.pollId === pollId && j.data.type === 'POLL_CLOSED')
      .map((j) => j.id!)
      .sort();
  }

  const runJob = (name: string, pollId: string) =>
    worker.get(PollLifecycleProcessor).process({ name, data: { pollId } } as Job<PollJobData>);

  it('opens a scheduled poll at startsAt through the delayed job', async () => {
    const poll = await createPoll(t.http, author, {
      startsAt: new Date(Date.now() + 1500).toISOString(),
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    expect(poll.body.status).toBe('SCHEDULED');
    const job = await polls.getJob(pollJobId(POLL_JOBS.open, poll.id));
    expect(job).toBeDefined();
    expect(await job!.waitUntilFinished(events, 15_000)).toEqual({ changed: true });
    expect(await job!.isCompleted()).toBe(true);
    const now = await t.http.get(`/api/polls/${poll.id}`);
    expect(now.body.status).toBe('ACTIVE');
    expect(await (await polls.getJob(pollJobId(POLL_JOBS.close, poll.id)))!.isDelayed()).toBe(true);
  });

  it('closes at expiry once, notifying the author and every voter exactly once', async () => {
    const poll = await createPoll(t.http, author, {
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    const voters = await createUsers(t.app, 3);
    for (const v of voters)
      await t.http
        .post(`/api/polls/${poll.id}/vote`)
        .set('Authorization', `Bearer ${v.token}`)
        .send({ optionId: poll.optionIds[0] });

    // Not expired yet: the job re-checks the row and does nothing.
    expect(await runJob(POLL_JOBS.close, poll.id)).toEqual({ changed: false });
    expect((await db.query('SELECT closed_at FROM polls WHERE id = $1', [poll.id])).rows).toEqual([
      { closed_at: null },
    ]);

    await db.query(`UPDATE polls SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      poll.id,
    ]);
    const job = await polls.getJob(pollJobId(POLL_JOBS.close, poll.id));
    await job!.promote();
    expect(await job!.waitUntilFinished(events, 15_000)).toEqual({ changed: true });
    const { rows: first } = await db.query(
      'SELECT closed_at, expires_at FROM polls WHERE id = $1',
      [poll.id],
    );
    expect(first[0].closed_at).toEqual(first[0].expires_at);

    // A duplicated or late job changes nothing and notifies nobody again.
    expect(await runJob(POLL_JOBS.close, poll.id)).toEqual({ changed: false });
    const { rows: second } = await db.query('SELECT closed_at FROM polls WHERE id = $1', [poll.id]);
    expect(second[0].closed_at).toEqual(first[0].closed_at);

    const expected = [author, ...voters]
      .map((u) => `notify.POLL_CLOSED.${poll.id}.-.${u.id}`)
      .sort();
    expect(await closedNotificationIds(poll.id)).toEqual(expected);
    const detail = await t.http.get(`/api/polls/${poll.id}`);
    expect(detail.body).toMatchObject({ status: 'CLOSED', votersCount: 3 });
  });

  it('a manual close has the same side effects, once', async () => {
    const poll = await createPoll(t.http, author);
    const [voter] = await createUsers(t.app, 1);
    await t.http
      .post(`/api/polls/${poll.id}/vote`)
      .set('Authorization', `Bearer ${voter.token}`)
      .send({ optionIds: [poll.optionIds[2]] });
    const close = () =>
      t.http.post(`/api/polls/${poll.id}/close`).set('Authorization', `Bearer ${author.token}`);
    const first = await close();
    expect(first.status).toBe(200);
    const second = await close();
    expect(second.body.closedAt).toBe(first.body.closedAt);
    expect(await closedNotificationIds(poll.id)).toEqual(
      [author, voter].map((u) => `notify.POLL_CLOSED.${poll.id}.-.${u.id}`).sort(),
    );
  });

  it('jobs for a deleted poll are removed or do nothing', async () => {
    const poll = await createPoll(t.http, author, {
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    expect(await polls.getJob(pollJobId(POLL_JOBS.close, poll.id))).toBeDefined();
    await t.http.delete(`/api/polls/${poll.id}`).set('Authorization', `Bearer ${author.token}`);
    expect(await polls.getJob(pollJobId(POLL_JOBS.close, poll.id))).toBeUndefined();
    expect(await runJob(POLL_JOBS.close, poll.id)).toEqual({ changed: false });
    expect(await runJob(POLL_JOBS.open, poll.id)).toEqual({ changed: false });
  });
});
