// npm run soak: 5 minutes (SOAK_SECONDS) of moderate mixed load (reads, likes, comments, votes,
// posts) on the built API + worker. Samples API/worker RSS, this run's Redis memory and queue
// depths every 10 s; passes when there are no errors, RSS and Redis memory grow < 10% after
// warm-up, and every queue with a consumer drains. See docs/performance.md.
import { JwtService } from '@nestjs/jwt';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { dropRedisPrefix } from './drop-redis-prefix';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../libs/core/src/database/database-url';
import { ALL_QUEUES } from '../libs/core/src/queue/queue-names';
import { runLoad } from './load';
import { productionLikeEnv, ROOT, startApi, startWorker } from './processes';
import type { LoadRequest } from './scenarios';
import { recreateDatabase } from './scratch-database';
import { seed } from './seed';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const RATE = Number(process.env.SOAK_RATE ?? 100);
const WARMUP_SECONDS = Math.min(60, SECONDS / 5);
const DATABASE_URL = withDatabase(
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  'nexus_soak',
);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `soak:${process.pid}:`;
const JWT_SECRET = 'soak-secret-not-for-production-use-0123456789';

interface Sample {
  t: number;
  apiRss: number;
  workerRss: number;
  redisBytes: number;
  /** Bytes per key family (`feed`, `bull:notifications`, `throttle`, ...). */
  redisByFamily: Record<string, number>;
  queues: Record<string, number>;
}

/** Bytes held by this run's keys only (the Redis server is shared with other work). */
async function prefixBytes(redis: Redis): Promise<Record<string, number>> {
  let cursor = '0';
  const families: Record<string, number> = {};
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const parts = key.slice(PREFIX.length).split(':');
      const family = parts[0] === 'bull' ? `bull:${parts[1]}` : parts[0];
      families[family] = (families[family] ?? 0) + ((await redis.memory('USAGE', key)) ?? 0);
    }
  } while (cursor !== '0');
  return families;
}

/** Jobs still to run (waiting + active + prioritised), per queue; delayed jobs are future work. */
async function depths(queues: Queue[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const q of queues) {
    const c = await q.getJobCounts('waiting', 'active', 'prioritized');
    out[q.name] = c.waiting + c.active + c.prioritized;
  }
  return out;
}

function mix(f: {
  tokens: string[];
  userIds: string[];
  postIds: string[];
  polls: { id: string; options: string[] }[];
}) {
  let n = 0;
  return (): LoadRequest => {
    const i = n++;
    const headers = {
      authorization: `Bearer ${f.tokens[i % f.tokens.length]}`,
      'content-type': 'application/json',
    };
    const post = f.postIds[(i * 7) % f.postIds.length];
    const pick = i % 20;
    if (pick < 6) return { method: 'GET', path: '/api/posts?first=20', headers };
    if (pick < 9) return { method: 'GET', path: `/api/posts/${post}`, headers };
    const graphql = (query: string): LoadRequest => ({
      method: 'POST',
      path: '/graphql',
      headers,
      body: JSON.stringify({ query }),
    });
    if (pick < 11)
      return graphql(`
        {
          allPosts(first: 20) {
            id
            content
            viewerHasLiked
            author {
              username
            }
            comments(first: 3) {
              id
              content
              author {
                username
              }
            }
          }
        }
      `);
    // The feed through both doors; the brief's query inlines the reader's id (a new document
    // per reader: decisions 96-97 keep their caches bounded).
    if (pick < 12 && i % 40 < 20) return { method: 'GET', path: '/api/feed?first=20', headers };
    if (pick < 12)
      return graphql(
        `query { feed(userId: ${f.userIds[i % f.userIds.length]}) { id content author { username } createdAt } }`,
      );
    if (pick < 15) return { method: 'POST', path: `/api/posts/${post}/like`, headers };
    if (pick < 17)
      return {
        method: 'POST',
        path: `/api/posts/${post}/comments`,
        headers,
        body: JSON.stringify({ content: `soak comment ${i}` }),
      };
    if (pick < 19) {
      // Ballot k: voter k % users on poll k / users: always a first ballot.
      const k = Math.floor(i / 20) * 2 + (pick - 17);
      const poll = f.polls[Math.floor(k / f.tokens.length) % f.polls.length];
      const voter = `Bearer ${f.tokens[k % f.tokens.length]}`;
      return {
        method: 'POST',
        path: `/api/polls/${poll.id}/vote`,
        headers: { ...headers, authorization: voter },
        body: JSON.stringify({ optionId: poll.options[k % 2] }),
      };
    }
    return {
      method: 'POST',
      path: '/api/posts',
      headers,
      body: JSON.stringify({ content: `soak post ${i}` }),
    };
  };
}

async function main(): Promise<void> {
  execSync('bash scripts/ensure-services.sh', { cwd: ROOT, stdio: 'inherit' });
  if (!process.env.BENCH_SKIP_BUILD)
    execSync('npx nest build api && npx nest build worker', { cwd: ROOT, stdio: 'inherit' });
  await recreateDatabase(DATABASE_URL);
  const seeded = await seed(DATABASE_URL, { users: Number(process.env.SOAK_USERS ?? 10_000) });
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const polls = await db.query<{ id: string; options: string[] }>(
    `WITH p AS (INSERT INTO polls (author_id, question)
                SELECT $1, 'Soak poll ' || n FROM generate_series(1, 20) n RETURNING id),
          o AS (INSERT INTO poll_options (poll_id, position, text)
                SELECT p.id, k, 'Choice ' || k FROM p, generate_series(0, 1) k RETURNING poll_id, id)
     SELECT poll_id AS id, array_agg(id ORDER BY id)::text[] AS options FROM o GROUP BY poll_id`,
    [seeded.users[0].id],
  );
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { expiresIn: '2h' } });
  const fixtures = {
    tokens: seeded.users.map((u) =>
      jwt.sign({ sub: u.id, username: u.username, role: 'user', fid: randomUUID() }),
    ),
    userIds: seeded.users.map((u) => u.id),
    postIds: seeded.recentPostIds,
    polls: polls.rows,
  };
  const env = {
    ...productionLikeEnv({
      databaseUrl: DATABASE_URL,
      redisPrefix: PREFIX,
      jwtSecret: JWT_SECRET,
    }),
    REDIS_URL,
  };
  const worker = await startWorker(env);
  const api = await startApi(Number(process.env.BENCH_PORT ?? 3997), env);
  const redis = new Redis(REDIS_URL);
  const queues = ALL_QUEUES.map(
    (name) => new Queue(name, { connection: new Redis(REDIS_URL), prefix: `${PREFIX}bull` }),
  );
  const samples: Sample[] = [];
  const started = Date.now();
  const sample = async () => {
    const redisByFamily = await prefixBytes(redis);
    samples.push({
      t: Math.round((Date.now() - started) / 1000),
      apiRss: api.rssMb(),
      workerRss: worker.rssMb(),
      redisBytes: Object.values(redisByFamily).reduce((a, b) => a + b, 0),
      redisByFamily,
      queues: await depths(queues),
    });
  };
  const timer = setInterval(() => void sample(), 10_000);
  try {
    const next = mix(fixtures);
    // Open-loop at RATE req/s: a steady, moderate load (the bench measures the maximum).
    const result = await runLoad(api.url, next, 16, SECONDS, RATE);
    clearInterval(timer);
    // Let the worker finish what the last requests enqueued, then take the final sample.
    for (let i = 0; i < 30 && Object.values(await depths(queues)).some((d) => d > 0); i++)
      await new Promise((r) => setTimeout(r, 2000));
    await sample();
    const last = samples[samples.length - 1];
    // RSS saws with every GC: compare the peak of the minute after warm-up with the peak of
    // the last minute under load (the final sample is taken idle, after the drain).
    const during = samples.slice(0, -1);
    const early = during.filter((s) => s.t > WARMUP_SECONDS && s.t <= WARMUP_SECONDS + 60);
    const late = during.filter((s) => s.t > SECONDS - 60);
    const peak = (xs: Sample[], f: (s: Sample) => number) => Math.max(...xs.map(f));
    const growth = (f: (s: Sample) => number) => {
      const a = peak(early, f);
      return a > 0 ? (peak(late, f) - a) / a : 0;
    };
    const summary = {
      at: new Date().toISOString(),
      seconds: SECONDS,
      rate: RATE,
      requests: result.requests,
      errors: result.errors,
      p50: result.p50,
      p99: result.p99,
      growthAfterWarmup: {
        apiRss: growth((s) => s.apiRss),
        workerRss: growth((s) => s.workerRss),
        redisBytes: growth((s) => s.redisBytes),
      },
      redisByFamilyAtEnd: last.redisByFamily,
      undrained: Object.fromEntries(Object.entries(last.queues).filter(([, d]) => d > 0)),
      samples,
    };
    const file = path.join(__dirname, 'results', `${summary.at.slice(0, 10)}-soak.json`);
    writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
    console.log(JSON.stringify({ ...summary, samples: samples.length }, null, 2));
    const g = summary.growthAfterWarmup;
    const failed = result.errors > 0 || g.apiRss > 0.1 || g.workerRss > 0.1 || g.redisBytes > 0.1;
    if (Object.keys(summary.undrained).length)
      console.log(
        `queues not drained (no consumer on this branch?): ${JSON.stringify(summary.undrained)}`,
      );
    if (failed) process.exitCode = 1;
  } finally {
    clearInterval(timer);
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
    await api.stop();
    await worker.stop();
    await db.end();
    await dropRedisPrefix(PREFIX);
  }
}

// Exit when done: a client handle left open (a queue connection) kept the process alive for
// hours after the summary was printed.
main().then(
  () => process.exit(),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
