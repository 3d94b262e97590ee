import { EntityManager } from 'typeorm';
import { runNamed } from '../database/run-named';
import { OutboxEntry, OutboxJob } from './outbox-job';

// One statement per batch. A job id already waiting in the outbox is the same fact twice.
const INSERT_OUTBOX = `
  INSERT INTO outbox (queue, name, job_id, data, run_at, opts)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::jsonb[])
  ON CONFLICT (job_id) DO NOTHING
  RETURNING id, job_id`;

// Rows younger than a second are left to the writer's own after-commit delivery.
// SKIP LOCKED: any number of relays share the backlog without waiting on each other.
const CLAIM_OUTBOX = `
  SELECT id, queue, name, job_id, data, run_at, opts FROM outbox
  WHERE created_at < now() - interval '1 second'
  ORDER BY id LIMIT $1
  FOR UPDATE SKIP LOCKED`;

const DELETE_OUTBOX = `DELETE FROM outbox WHERE id = ANY($1::bigint[])`;

export async function insertOutbox(tx: EntityManager, jobs: OutboxJob[]): Promise<OutboxEntry[]> {
  const rows = await runNamed<{ id: string; job_id: string }>(tx, 'outbox.insert', INSERT_OUTBOX, [
    jobs.map((j) => j.queue),
    jobs.map((j) => j.name),
    jobs.map((j) => j.jobId),
    jobs.map((j) => JSON.stringify(j.data)),
    jobs.map((j) => j.runAt?.toISOString() ?? null),
    jobs.map((j) => (j.opts ? JSON.stringify(j.opts) : null)),
  ]);
  const ids = new Map(rows.map((r) => [r.job_id, r.id]));
  return jobs.filter((j) => ids.has(j.jobId)).map((j) => ({ ...j, id: ids.get(j.jobId)! }));
}

export async function claimOutbox(tx: EntityManager, limit: number): Promise<OutboxEntry[]> {
  const rows = await runNamed<{
    id: string;
    queue: OutboxEntry['queue'];
    name: string;
    job_id: string;
    data: object;
    run_at: Date | null;
    opts: OutboxJob['opts'] | null;
  }>(tx, 'outbox.claim', CLAIM_OUTBOX, [limit]);
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    name: r.name,
    jobId: r.job_id,
    data: r.data,
    runAt: r.run_at,
    opts: r.opts ?? undefined,
  }));
}

export async function deleteOutbox(em: EntityManager, ids: string[]): Promise<void> {
  await runNamed(em, 'outbox.delete', DELETE_OUTBOX, [ids]);
}
