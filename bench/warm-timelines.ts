// Before the feed scenarios: one read per feed viewer (a cold timeline is answered from
// PostgreSQL and queued for a rebuild), then wait until the worker has built every timeline,
// so the measured reads take the warm path (one Redis call + one statement).
import Redis from 'ioredis';
import { BenchFixtures } from './scenarios';

export async function warmTimelines(apiUrl: string, f: BenchFixtures, prefix: string) {
  const viewers = f.tokens.slice(0, f.feedViewers);
  for (let i = 0; i < viewers.length; i += 20) {
    await Promise.all(
      viewers.slice(i, i + 20).map(async (token) => {
        const res = await fetch(`${apiUrl}/api/feed?first=1`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (!res.ok) throw new Error(`feed warm-up answered ${res.status}`);
        await res.arrayBuffer();
      }),
    );
  }
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
  try {
    const ids = f.userIds.slice(0, f.feedViewers);
    for (let waited = 0; waited < 300; waited++) {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.zscore(`feed:${id}`, 'ready');
      const ready = (await pipeline.exec())!.filter(([, score]) => score !== null).length;
      if (ready === ids.length) return ready;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error('timelines were not built within 300 s');
  } finally {
    redis.disconnect();
  }
}
