import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queue-names';
import { REDIS } from '../redis/redis.tokens';

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<'database' | 'redis' | 'queue', { status: CheckStatus; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

async function probe(fn: () => Promise<unknown>): Promise<{ status: CheckStatus; error?: string }> {
  try {
    await withTimeout(fn());
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: (err as Error).message.slice(0, 200) };
  }
}

/** PostgreSQL, Redis and the queue connection, each probed with a short timeout. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(QUEUES.system) private readonly systemQueue: Queue,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [database, redis, queue] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.redis.ping()),
      probe(async () => ((await this.systemQueue.client) as unknown as Redis).ping()),
    ]);
    const checks = { database, redis, queue };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    return { status: ok ? 'ok' : 'error', checks };
  }
}
