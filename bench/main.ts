// npm run bench [-- --smoke] [-- --throttler-off] [-- --nest-floor]: seeds nexus_bench, starts
// the built API (as production runs it) and the same-work floor, and measures every scenario
// against its floor, interleaved (floor, API, API, floor, ...) so both see the same machine.
// See docs/performance.md.
import { JwtService } from '@nestjs/jwt';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { withDatabase } from '../libs/core/src/database/database-url';
import { checkBodies } from './compare-bodies';
import { dropRedisPrefix } from './drop-redis-prefix';
import { runLoad } from './load';
import {
  BenchProcess,
  isFloor,
  productionLikeEnv,
  ROOT,
  startApi,
  startFloor,
  startWorker,
} from './processes';
import { warmTimelines } from './warm-timelines';
import { printReport, Round, saveReport } from './report';
import { BenchFixtures, SCENARIOS } from './scenarios';
import { recreateDatabase } from './scratch-database';
import { seed } from './seed';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    'throttler-off': { type: 'boolean', default: false },
    // The floor's work through NestJS + Fastify alone: the framework's share of the gap.
    'nest-floor': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const SMOKE = args.smoke;
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DATABASE_NAME lets two people bench on one PostgreSQL without clobbering each other.
const DATABASE_NAME = process.env.BENCH_DATABASE_NAME ?? 'nexus_bench';
const DATABASE_URL = withDatabase(BASE_URL, SMOKE ? `${DATABASE_NAME}_smoke` : DATABASE_NAME);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
// Per target and scenario. With 3 s the API's first round ran colder than its second in every
// scenario, and the two rounds disagreed by up to 0.4× floor (docs/performance-history.md).
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? (SMOKE ? 1 : 10));
// Four, not two: on a shared 2-core machine single rounds of one build's post by id ranged
// 0.61–1.28× in one afternoon, too wide for a median of two (docs/performance.md).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 4));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const USERS = Number(process.env.BENCH_USERS ?? (SMOKE ? 1000 : 10_000));
const PORT = Number(process.env.BENCH_PORT ?? 3999);
// Distinct signed-in feed readers; each one's timeline is built before the feed scenarios.
const FEED_VIEWERS = Math.min(USERS, Number(process.env.BENCH_FEED_VIEWERS ?? 2000));
const JWT_SECRET = 'bench-secret-not-for-production-use-0123456789';

async function fixturesFor(db: Client, users: { id: string; username: string }[]) {
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { expiresIn: '2h' } });
  const recent = await db.query<{ id: string }>(
    'SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1000',
  );
  // Fresh polls for the vote scenario: each one is hot for every user in turn.
  const polls = await db.query<{ id: string; option_ids: string[] }>(
    `WITH p AS (INSERT INTO polls (author_id, question)
                SELECT $1, 'Bench hot poll ' || n FROM generate_series(1, 40) n RETURNING id),
          o AS (INSERT INTO poll_options (poll_id, position, text)
                SELECT p.id, k, 'Choice ' || k FROM p, generate_series(0, 2) k RETURNING poll_id, id)
     SELECT poll_id AS id, array_agg(id ORDER BY id)::text[] AS option_ids FROM o
     GROUP BY poll_id ORDER BY poll_id`,
    [users[0].id],
  );
  return {
    tokens: users.map((u) =>
      jwt.sign({ sub: u.id, username: u.username, role: 'user', fid: randomUUID() }),
    ),
    userIds: users.map((u) => u.id),
    recentPostIds: recent.rows.map((r) => r.id),
    votePolls: polls.rows.map((r) => ({ id: r.id, optionIds: r.option_ids })),
    feedViewers: FEED_VIEWERS,
  } satisfies BenchFixtures;
}

const apiEnv = (prefix: string) =>
  productionLikeEnv({ databaseUrl: DATABASE_URL, redisPrefix: prefix, jwtSecret: JWT_SECRET });

async function main(): Promise<void> {
  execSync('bash scripts/ensure-services.sh', { cwd: ROOT, stdio: 'inherit' });
  if (!process.env.BENCH_SKIP_BUILD)
    execSync('npx nest build api && npx nest build worker', { cwd: ROOT, stdio: 'inherit' });
  await recreateDatabase(DATABASE_URL);
  const seeded = await seed(DATABASE_URL, { users: USERS });
  console.log(
    `seeded in ${(seeded.elapsedMs / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`,
  );
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const fixtures = await fixturesFor(db, seeded.users);
  await db.query('ANALYZE');

  const targets: BenchProcess[] = [];
  try {
    targets.push(await startFloor(PORT + 1, DATABASE_URL, JWT_SECRET));
    const prefix = `bench:${process.pid}:`;
    targets.push(await startApi(PORT, apiEnv(prefix)));
    // The worker builds the feed viewers' timelines (and would fan out new posts).
    const worker = await startWorker(apiEnv(prefix));
    try {
      const built = await warmTimelines(targets[1].url, fixtures, prefix);
      console.log(`feed: ${built} timelines built by the worker`);
    } finally {
      await worker.stop();
    }
    if (args['throttler-off']) {
      const off = await startApi(PORT + 2, {
        ...apiEnv(`bench:${process.pid}:off:`),
        BENCH_THROTTLER_OFF: '1',
      });
      off.name = 'api-throttler-off';
      targets.push(off);
    }
    if (args['nest-floor'])
      targets.push(await startFloor(PORT + 3, DATABASE_URL, JWT_SECRET, 'nest-floor'));
    const idleRss = Object.fromEntries(targets.map((t) => [t.name, t.rssMb()]));
    const scenarios = SCENARIOS.filter((s) => !args.only || args.only.split(',').includes(s.key));
    const bodyProblems = await checkBodies(scenarios, fixtures, targets[0], targets[1], db);

    const rounds: Round[] = [];
    const notes: string[] = [];
    for (const scenario of scenarios) {
      let counter = 0;
      let accepted = 0;
      const next = () => scenario.request(counter++, fixtures);
      const load = async (t: BenchProcess, seconds: number) => {
        const prefix = isFloor(t) ? `/${scenario.key}` : '';
        const before = await t.counters();
        const result = await runLoad(
          t.url + prefix,
          () => {
            const r = next();
            return { ...r, path: prefix + r.path };
          },
          CONNECTIONS,
          seconds,
        );
        accepted += result.ok;
        const after = await t.counters();
        return {
          result,
          statements: after.statements - before.statements,
          allocatedBytes: after.allocatedBytes - before.allocatedBytes,
        };
      };
      for (const t of targets) await load(t, WARMUP_SECONDS);
      for (let r = 0; r < ROUNDS; r++) {
        // ABBA order: neither side always runs first (or right after the other's load).
        const order = r % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          const { result, statements, allocatedBytes } = await load(t, SECONDS);
          const perRequest = (n: number) => (result.requests ? n / result.requests : 0);
          rounds.push({
            scenario: scenario.key,
            name: scenario.name,
            target: t.name,
            round: r,
            ...result,
            statementsPerRequest: perRequest(statements),
            kbAllocatedPerRequest: perRequest(allocatedBytes) / 1024,
            rssMb: t.rssMb(),
          });
          console.log(
            `${scenario.key.padEnd(16)} ${t.name.padEnd(18)} round ${r}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`,
          );
        }
      }
      if (scenario.verify)
        notes.push(await scenario.verify(db, fixtures, { accepted, sent: counter }));
    }
    const report = printReport(rounds, {
      idleRss,
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
    });
    for (const note of [...notes, ...bodyProblems]) console.log(note);
    if (!SMOKE) saveReport(report, { dataset: seeded.counts, notes, bodyProblems });
    const errors = rounds.reduce((n, r) => n + r.errors, 0);
    if (errors > 0 || bodyProblems.length > 0) {
      console.error(`FAILED: ${errors} errors, ${bodyProblems.length} body mismatches`);
      process.exitCode = 1;
    }
  } finally {
    for (const t of targets) await t.stop();
    await db.end();
    await dropRedisPrefix(`bench:${process.pid}:`);
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
