import Redis from 'ioredis';

/** Removes every key of one bench or soak run (the shared Redis is left as it was found). */
export async function dropRedisPrefix(prefix: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let dropped = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) dropped += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return dropped;
  } finally {
    redis.disconnect();
  }
}
