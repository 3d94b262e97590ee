import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics';
import { OutboxEntry } from './outbox-job';
import { claimOutbox, deleteOutbox } from './outbox.queries';

const DELIVERY_TIMEOUT_MS = 2000;
const RELAY_BATCH = 500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/**
 * Moves outbox rows into BullMQ. Job ids are deterministic, so a row delivered twice (a relay
 * that died between the add and the delete, or the writer and a relay racing) is one job.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  /** After commit: deliver now if Redis answers; never throws (the relay retries the rest). */
  async deliver(entries: OutboxEntry[]): Promise<void> {
    if (!entries.length) return;
    try {
      if (!(await this.enqueue(entries))) return;
      await deleteOutbox(
        this.db.manager,
        entries.map((e) => e.id),
      );
    } catch (err) {
      this.logger.warn(`Outbox delivery deferred: ${(err as Error).message}`);
    }
  }

  /** One batch of rows older than a second; returns how many were delivered. */
  async relayPending(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const entries = await claimOutbox(tx, RELAY_BATCH);
      if (!entries.length || !(await this.enqueue(entries))) return 0;
      await deleteOutbox(
        tx,
        entries.map((e) => e.id),
      );
      this.metrics.outboxRelayed.inc(entries.length);
      return entries.length;
    });
  }

  /** False when a queue's Redis connection is down: waiting on ioredis' offline queue would hang. */
  private async enqueue(entries: OutboxEntry[]): Promise<boolean> {
    const byQueue = new Map<string, OutboxEntry[]>();
    for (const e of entries) byQueue.set(e.queue, [...(byQueue.get(e.queue) ?? []), e]);
    const queues = [...byQueue.keys()].map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    for (const queue of queues) {
      if ((await queue.client).status !== 'ready') return false;
    }
    const now = Date.now();
    await withTimeout(
      Promise.all(
        queues.map((queue) =>
          queue.addBulk(
            byQueue.get(queue.name)!.map((e) => ({
              name: e.name,
              data: e.data,
              opts: {
                ...e.opts,
                jobId: e.jobId,
                delay: e.runAt ? Math.max(0, new Date(e.runAt).getTime() - now) : undefined,
              },
            })),
          ),
        ),
      ),
      DELIVERY_TIMEOUT_MS,
    );
    return true;
  }
}
