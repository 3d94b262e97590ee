import { getQueueToken } from '@nestjs/bullmq';
import { ANALYTICS_JOBS } from '@nexus/analytics';
import { QUEUES } from '@nexus/core';
import { NOTIFY_JOB, NotifyJobData } from '@nexus/notifications';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { createUser, createUsers, TestUser } from '../support/factory';
import { freePort } from '../support/free-port';
import { spawnApp, waitForExit, waitForOutput } from '../support/spawn-app';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

const BATCH = 300;

describe('worker reliability (real worker processes)', () => {
  let t: TestApp;
  let db: Client;
  let notifications: Queue<NotifyJobData>;
  let analytics: Queue;
  let actor: TestUser;
  let postId: string;
  const children: ReturnType<typeof spawnApp>[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const child = spawnApp('worker', env);
    children.push(child);
    await waitForOutput(child, /Worker ready/);
    return child;
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
    notifications = t.app.get(getQueueToken(QUEUES.notifications));
    analytics = t.app.get(getQueueToken(QUEUES.analytics));
    actor = await createUser(t.app);
    postId = (
      await t.http
        .post('/api/posts')
        .set('Authorization', `Bearer ${actor.token}`)
        .send({ content: 'batch' })
        .expect(201)
    ).body.id;
  });
  const running = (c: ReturnType<typeof spawnApp>) => c.exitCode === null && c.signalCode === null;
  /** SIGTERM every worker still running and wait for them: each test starts from none. */
  async function stopAll(): Promise<void> {
    const live = children.splice(0).filter(running);
    live.forEach((c) => c.kill('SIGTERM'));
    await Promise.all(live.map((c) => waitForExit(c)));
  }
  afterEach(stopAll);
  afterAll(async () => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
    await db.end();
    await t.close();
  });

  /** 300 like notifications for 300 recipients, added straight to the queue. */
  async function enqueueBatch(): Promise<string[]> {
    const recipients = await createUsers(t.app, BATCH);
    await notifications.addBulk(
      recipients.map((r) => ({
        name: NOTIFY_JOB,
        data: { type: 'POST_LIKED', recipientId: r.id, actorId: actor.id, postId },
      })),
    );
    return recipients.map((r) => r.id);
  }
  const stored = async (recipientIds: string[]) =>
    (
      await db.query<{ rows: number; recipients: number }>(
        `SELECT count(*)::int AS rows, count(DISTINCT recipient_id)::int AS recipients
         FROM notifications WHERE recipient_id = ANY($1)`,
        [recipientIds],
      )
    ).rows[0];

  it('drains in-flight jobs on SIGTERM and exits 0; a new worker finishes the batch', async () => {
    const recipients = await enqueueBatch();
    const worker = await start();
    await eventually(
      () => stored(recipients),
      (s) => s.rows >= 20,
      30_000,
      5,
    );
    worker.kill('SIGTERM');
    expect(await waitForExit(worker)).toBe(0);

    // Nothing was left half-done: no job active, and every completed job has its row.
    const counts = await notifications.getJobCounts('active', 'completed', 'failed');
    expect(counts.active).toBe(0);
    expect(counts.failed).toBe(0);
    expect((await stored(recipients)).rows).toBe(counts.completed);

    await start();
    const done = await eventually(
      () => stored(recipients),
      (s) => s.rows === BATCH,
      60_000,
    );
    expect(done).toEqual({ rows: BATCH, recipients: BATCH });
  }, 120_000);

  it('loses nothing and doubles nothing when a worker is SIGKILLed mid-batch', async () => {
    await notifications.clean(0, 10_000, 'completed');
    const recipients = await enqueueBatch();
    // Short locks so the killed worker's active jobs are recovered within seconds.
    const env = { WORKER_LOCK_DURATION_MS: '2000' };
    const doomed = await start(env);
    await eventually(
      () => stored(recipients),
      (s) => s.rows >= 30,
      30_000,
      5,
    );
    doomed.kill('SIGKILL');
    await waitForExit(doomed);
    expect((await stored(recipients)).rows).toBeLessThan(BATCH);

    await start(env);
    await eventually(
      () => notifications.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed'),
      (c) => c.completed + c.failed === BATCH,
      60_000,
    );
    const counts = await notifications.getJobCounts('completed', 'failed');
    expect(counts).toEqual({ completed: BATCH, failed: 0 });
    expect(await stored(recipients)).toEqual({ rows: BATCH, recipients: BATCH });
  }, 120_000);

  it('retries a job that keeps throwing with backoff, then keeps it in failed with its error', async () => {
    await start();
    // Valid shape, but PostgreSQL refuses the id (beyond bigint) on every attempt.
    const job = await notifications.add(
      NOTIFY_JOB,
      { type: 'POST_LIKED', recipientId: '9999999999999999999', actorId: actor.id, postId },
      { attempts: 3, backoff: { type: 'exponential', delay: 200 } },
    );
    await eventually(
      () => job.getState(),
      (s) => s === 'failed',
      30_000,
    );
    const failed = (await notifications.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/out of range for type bigint/);
  }, 60_000);

  it('runs each scheduled interval once with two workers, and serves health and metrics', async () => {
    await analytics.obliterate({ force: true });
    const ports = [await freePort(), await freePort()];
    const env = { TRENDING_INTERVAL_MS: '1000', ANALYTICS_FLUSH_INTERVAL_MS: '60000' };
    const began = Date.now();
    const [one] = await Promise.all(
      ports.map((port) => start({ ...env, WORKER_HTTP_PORT: String(port) })),
    );
    await new Promise((r) => setTimeout(r, 6000));

    const base = `http://127.0.0.1:${ports[0]}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: object }).checks).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
    });
    // Each worker reports the jobs it ran itself; which of the two took the runs is up to them.
    const completedRuns = await Promise.all(
      ports.map(async (port) => {
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        expect(metrics).toMatch(/^# TYPE queue_job_duration_seconds histogram$/m);
        const count =
          /^queue_job_duration_seconds_count\{queue="analytics",name="refresh-trending",outcome="completed"\} (\d+)$/m.exec(
            metrics,
          );
        return Number(count?.[1] ?? 0);
      }),
    );
    expect(completedRuns[0] + completedRuns[1]).toBeGreaterThanOrEqual(1);

    await stopAll();
    const elapsedRuns = (Date.now() - began) / 1000;
    const runs = (await analytics.getJobs(['completed', 'failed'])).filter(
      (j) => j.name === ANALYTICS_JOBS.refreshTrending,
    );
    // Each run is a distinct scheduled slot, and there is at most one per interval: two
    // workers each scheduling their own would produce about twice as many.
    const slots = runs.map((j) => j.timestamp);
    expect(new Set(slots).size).toBe(runs.length);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsedRuns) + 1);
    expect(one.exitCode).toBe(0);
  }, 90_000);
});
