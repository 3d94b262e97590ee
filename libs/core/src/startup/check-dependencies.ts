import Redis from 'ioredis';
import { Client } from 'pg';
import { Environment } from '../config/environment';
import { redactUrl } from '../database/database-url';
import { redisOptionsFromUrl } from '../redis/redis-options';

const TIMEOUT_MS = 5000;

async function checkPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(
    redisOptionsFromUrl(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    }),
  );
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Reaches PostgreSQL and Redis once, with a timeout, before Nest boots: a clear line and a
 * non-zero exit beat an app that retries forever in silence.
 */
export async function checkDependencies(env: Environment): Promise<string | undefined> {
  try {
    await checkPostgres(env.DATABASE_URL);
  } catch (err) {
    return `Cannot reach PostgreSQL at ${redactUrl(env.DATABASE_URL)}: ${(err as Error).message}`;
  }
  try {
    await checkRedis(env.REDIS_URL);
  } catch (err) {
    return `Cannot reach Redis at ${redactUrl(env.REDIS_URL)}: ${(err as Error).message}`;
  }
  return undefined;
}
