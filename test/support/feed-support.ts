import { INestApplicationContext } from '@nestjs/common';
import { QUEUES } from '@nexus/core';
import Redis from 'ioredis';
import { Client } from 'pg';
import TestAgent from 'supertest/lib/agent';
import { TestUser } from './factory';
import { gql } from './graphql';
import { drainQueue } from './queues';

/** Waits until the feed queue has nothing waiting, delayed or running (the worker caught up). */
export function drainFeedQueue(app: INestApplicationContext, timeoutMs = 30_000) {
  return drainQueue(app, QUEUES.feed, ['waiting', 'active', 'delayed', 'prioritized'], timeoutMs);
}

/**
 * The feed as the product defines it, written independently of the app's queries: live posts by
 * the user and by the people they follow, no author blocked either way, newest first.
 */
export async function referenceFeed(db: Client, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM posts p
     WHERE p.deleted_at IS NULL
       AND (p.author_id = $1
            OR p.author_id IN (SELECT followee_id FROM follows WHERE follower_id = $1))
       AND NOT EXISTS (SELECT 1 FROM blocks b
                       WHERE (b.blocker_id = $1 AND b.blocked_id = p.author_id)
                          OR (b.blocked_id = $1 AND b.blocker_id = p.author_id))
     ORDER BY p.id DESC`,
    [userId],
  );
  return rows.map((r) => r.id);
}

/** Every page of `GET /api/feed`, as ids, checking each page's shape on the way. */
export async function restFeedIds(http: TestAgent, user: TestUser, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const query: string = after ? `?first=${first}&after=${after}` : `?first=${first}`;
    const res = await http.get(`/api/feed${query}`).set('Authorization', `Bearer ${user.token}`);
    if (res.status !== 200) throw new Error(`feed page ${res.status}: ${JSON.stringify(res.body)}`);
    const page = res.body as { data: { id: string }[]; nextCursor: string | null };
    if (page.data.length > first) throw new Error('page longer than first');
    ids.push(...page.data.map((p) => p.id));
    if (!page.nextCursor) return ids;
    after = page.nextCursor;
  }
  throw new Error('feed did not end');
}

/** Every page of the GraphQL `feed`, paging with `after` = the last id seen. */
export async function graphqlFeedIds(http: TestAgent, user: TestUser, first: number) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const res = await gql<{ feed: { id: string }[] }>(
      http,
      'query($first: Int, $after: ID) { feed(first: $first, after: $after) { id } }',
      { first, after },
      user.token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const page = res.data!.feed;
    ids.push(...page.map((p) => p.id));
    if (page.length < first) return ids;
    after = page[page.length - 1].id;
  }
  throw new Error('feed did not end');
}

/** Deletes this run's timelines (what a Redis flush or eviction does to them). */
export async function dropTimelines(): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    let dropped = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${process.env.REDIS_PREFIX}feed*`,
        'COUNT',
        500,
      );
      if (keys.length) dropped += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return dropped;
  } finally {
    redis.disconnect();
  }
}
