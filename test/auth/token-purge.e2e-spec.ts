import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { MAINTENANCE_JOBS, QUEUES } from '@nexus/core';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { createUser } from '../support/factory';
import { drainQueue } from '../support/queues';
import { connectDatabase } from '../support/test-database';
import { createTestApp, createTestWorker, TestApp } from '../support/test-app';

describe('maintenance: refresh-token purge in the worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: Client;
  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker();
    // The schedulers run each maintenance job once at start: let that run finish first, so the
    // jobs this test runs are the only ones touching its rows.
    await drainQueue(worker, QUEUES.maintenance);
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await worker.close();
    await t.close();
  });

  it('deletes expired and long-revoked tokens and keeps live ones, idempotently', async () => {
    const user = await createUser(t.app);
    await db.query(
      `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, revoked_at) VALUES
       (gen_random_uuid(), $1, gen_random_uuid(), '\\x00', now() - interval '2 days', NULL),
       (gen_random_uuid(), $1, gen_random_uuid(), '\\x01', now() + interval '2 days', now() - interval '2 days'),
       (gen_random_uuid(), $1, gen_random_uuid(), '\\x02', now() + interval '2 days', NULL)`,
      [user.id],
    );
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const events = new QueueEvents(queue.name, {
      connection: (await queue.client).options,
      prefix: queue.opts.prefix,
    });
    events.on('error', () => undefined);
    await events.waitUntilReady();
    try {
      const first = await queue.add(MAINTENANCE_JOBS.purgeRefreshTokens, {});
      expect(await first.waitUntilFinished(events, 10_000)).toEqual({ deleted: 2 });
      const second = await queue.add(MAINTENANCE_JOBS.purgeRefreshTokens, {});
      expect(await second.waitUntilFinished(events, 10_000)).toEqual({ deleted: 0 });
    } finally {
      await events.close();
    }
    const left = await db.query('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [
      user.id,
    ]);
    expect(left.rows.map((r) => r.token_hash.toString('hex'))).toEqual(['02']);
  });
});
