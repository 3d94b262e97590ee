// npx ts-node --transpile-only -r tsconfig-paths/register bench/micro/view-flush.ts
// Client CPU of adding 1,000 post-day view counts to Redis: a pipeline of HINCRBY (ViewCounter
// before decision 109) against one call of the same script ViewCounter now runs.
import Redis from 'ioredis';
import { ADD_VIEWS } from '../../libs/analytics/src/view-counter';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  keyPrefix: `micro-views:${process.pid}:`,
});
redis.defineCommand('addViews', { numberOfKeys: 1, lua: ADD_VIEWS });
const addViews = (redis as unknown as { addViews(...a: (string | number)[]): Promise<unknown> })
  .addViews;
const counts = Array.from({ length: 1000 }, (_, i) => [`${1_000_000 + i}|2026-12-02`, 3] as const);

const ways: Record<string, () => Promise<unknown>> = {
  pipeline: () => {
    const pipeline = redis.pipeline();
    for (const [field, n] of counts) pipeline.hincrby('views', field, n);
    return pipeline.exec();
  },
  script: () => addViews.call(redis, 'views', ...counts.flat()),
};

async function main() {
  for (let round = 0; round < 3; round++) {
    for (const [name, flush] of Object.entries(ways)) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < 50; i++) await flush();
      const used = process.cpuUsage(cpu);
      console.log(
        `${name}: ${((used.user + used.system) / 50 / 1000).toFixed(2)} ms CPU per 1,000`,
      );
    }
  }
  await redis.del('views');
  redis.disconnect();
}

void main();
