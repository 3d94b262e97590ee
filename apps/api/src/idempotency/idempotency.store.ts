import { Inject, Injectable } from '@nestjs/common';
import { Environment, REDIS } from '@nexus/core';
import Redis from 'ioredis';

export interface StoredResponse {
  state: 'pending' | 'done';
  fingerprint: string;
  status?: number;
  body?: unknown;
}

// A crashed request must not hold its key for 24 h: the in-flight marker expires on its own.
const PENDING_TTL_MS = 60_000;

/** Idempotency records in Redis (shared by every API instance), under REDIS_PREFIX. */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  /** True when this caller now owns the key (SET NX); false when someone holds or used it. */
  async claim(key: string, fingerprint: string): Promise<boolean> {
    const record: StoredResponse = { state: 'pending', fingerprint };
    const set = await this.redis.set(key, JSON.stringify(record), 'PX', PENDING_TTL_MS, 'NX');
    return set === 'OK';
  }

  async read(key: string): Promise<StoredResponse | null> {
    const raw = await this.redis.get(key);
    return raw ? (JSON.parse(raw) as StoredResponse) : null;
  }

  async complete(key: string, fingerprint: string, status: number, body: unknown): Promise<void> {
    const record: StoredResponse = { state: 'done', fingerprint, status, body };
    await this.redis.set(key, JSON.stringify(record), 'EX', this.env.IDEMPOTENCY_TTL_SECONDS);
  }

  /** The first request failed: free the key so a retry runs again. */
  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
