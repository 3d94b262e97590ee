import { createClient, Client } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';

export interface Subscription<T> {
  /** Resolves with the next event (or rejects with the subscription's errors). */
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** A graphql-ws client subscribed to one operation on `httpUrl`'s /graphql. */
export function subscribe<T>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Subscription<T> {
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const queued: T[] = [];
  const waiting: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure = err;
    waiting.splice(0).forEach((w) => w.reject(err));
  };
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) return fail(new Error(JSON.stringify(result.errors)));
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(result.data as T);
        else queued.push(result.data as T);
      },
      error: (err) => fail(err instanceof Error ? err : new Error(JSON.stringify(err))),
      complete: () => undefined,
    },
  );
  return {
    next(timeoutMs = 5000) {
      if (queued.length) return Promise.resolve(queued.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no subscription event in time')),
          timeoutMs,
        );
        waiting.push({
          resolve: (v) => (clearTimeout(timer), resolve(v)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/** Waits until some API instance listens on the event-bus topic (Redis PUBSUB NUMSUB). */
export async function waitForListener(topic: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL!);
  const channel = `${process.env.REDIS_PREFIX}${topic}`;
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [, listeners] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(listeners) > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`nobody subscribed to ${channel}`);
  } finally {
    redis.disconnect();
  }
}
