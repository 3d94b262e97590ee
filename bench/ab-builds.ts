// npx ts-node --transpile-only -r tsconfig-paths/register bench/ab-builds.ts
// Two builds of the API and the floor in one run, on an already seeded bench database: each
// round runs every target in turn (the order alternates), and besides req/s it reports the CPU
// time the API process spent per request (utime + stime from /proc; also its main thread's alone,
// user and system), which moves far less than req/s when other work shares the machine, and the
// bytes it allocated per request (bench/process-counters.js), which does not move with it at all.
//   AB_BUILDS   name=dir,... (default `base=../nexus-base,branch=.`): dirs holding dist/ + node_modules
//   AB_DATABASE (postgres://postgres@127.0.0.1:5432/nexus_bench), AB_ONLY (scenario keys),
//   AB_ROUNDS (3), AB_SECONDS (10), AB_PORT (5980: floor; builds take the next ports)
//   AB_NEST_FLOOR=1 also measures the floor's work through NestJS + Fastify (bench/nest-floor.ts)
//   AB_NODE_OPTIONS name=flags;... (node flags for one build instead of scripts/node-flags.js,
//   e.g. `default=--max-semi-space-size=16`), AB_FEED_VIEWERS (2000: feed readers, see below)
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { dropRedisPrefix } from './drop-redis-prefix';
import { runLoad } from './load';
import { NODE_FLAGS } from '../scripts/node-flags';
import {
  BenchProcess,
  countersOf,
  isFloor,
  ProcessCounters,
  productionLikeEnv,
  ROOT,
  startFloor,
  startWorker,
  waitForHttp,
} from './processes';
import { BenchFixtures, SCENARIOS } from './scenarios';
import { warmTimelines } from './warm-timelines';

const DB = process.env.AB_DATABASE ?? 'postgres://postgres@127.0.0.1:5432/nexus_bench';
const SECRET = 'bench-secret-not-for-production-use-0123456789';
const PRELOAD = path.join(__dirname, 'process-counters.js');
const SECONDS = Number(process.env.AB_SECONDS ?? 10);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
const PORT = Number(process.env.AB_PORT ?? 5980);
const REDIS_PREFIX = `ab:${process.pid}:`;
const ONLY = (process.env.AB_ONLY ?? 'rest-post-by-id,rest-posts,gql-all-posts').split(',');
// The feed scenarios read timelines: each build's own worker builds them for AB_FEED_VIEWERS
// readers (default 2,000, as npm run bench) before the measurements.
const FEED_VIEWERS = ONLY.some((key) => key.includes('feed'))
  ? Number(process.env.AB_FEED_VIEWERS ?? 2000)
  : 0;
const BUILDS = (process.env.AB_BUILDS ?? 'base=../nexus-base,branch=.').split(',').map((b) => {
  const [name, dir] = b.split('=');
  return { name, dir: path.resolve(ROOT, dir) };
});

// `name=flags;name=flags`: the same build can run twice with different node flags.
const BUILD_FLAGS = new Map(
  (process.env.AB_NODE_OPTIONS ?? '')
    .split(';')
    .filter(Boolean)
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
);

interface Target {
  name: string;
  url: string;
  pid: number;
  counters(): Promise<ProcessCounters>;
  stop(): void;
}

/** CPU seconds (user, system) a process (`/proc/<pid>`) or one of its threads has used so far. */
function cpuOf(statPath: string): { user: number; system: number } {
  const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/**
 * The whole process (every thread: GC helpers, libuv's pool) and its main thread alone. When a
 * server is CPU-bound it is its main thread that is saturated, so that figure bounds req/s.
 */
function cpuSeconds(pid: number) {
  const all = cpuOf(`/proc/${pid}/stat`);
  const main = cpuOf(`/proc/${pid}/task/${pid}/stat`);
  return { total: all.user + all.system, mainUser: main.user, mainSystem: main.system };
}

const targetOf = (p: BenchProcess): Target => ({
  name: p.name,
  url: p.url,
  pid: p.child.pid!,
  counters: p.counters,
  stop: () => void p.stop(),
});

const buildPrefix = (name: string) => `${REDIS_PREFIX}${name}:`;
const buildEnv = (name: string) =>
  productionLikeEnv({ databaseUrl: DB, redisPrefix: buildPrefix(name), jwtSecret: SECRET });

async function startBuild(name: string, dir: string, port: number): Promise<Target> {
  const child = spawn(process.execPath, ['-r', PRELOAD, 'dist/apps/api/main.js'], {
    cwd: dir,
    env: {
      ...process.env,
      ...buildEnv(name),
      NODE_ENV: 'production',
      PORT: String(port),
      // The production flags (scripts/node-flags.js) unless AB_NODE_OPTIONS names others.
      NODE_OPTIONS: BUILD_FLAGS.get(name) ?? NODE_FLAGS.join(' '),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, child, name);
  return {
    name,
    url,
    pid: child.pid!,
    counters: countersOf(child, name),
    stop: () => child.kill('SIGTERM'),
  };
}

/** The build's own worker builds its feed readers' timelines (under its Redis prefix). */
async function warmBuild(target: Target, dir: string, f: BenchFixtures): Promise<void> {
  const worker = await startWorker(buildEnv(target.name), dir);
  try {
    const built = await warmTimelines(target.url, f, buildPrefix(target.name));
    console.log(`${target.name}: ${built} timelines built by its worker`);
  } finally {
    await worker.stop();
  }
}

async function fixtures(): Promise<BenchFixtures> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  const users = (await db.query('SELECT id, username FROM users ORDER BY id LIMIT 10000')).rows;
  const recent = await db.query(
    'SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1000',
  );
  await db.end();
  const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: '2h' } });
  return {
    tokens: users.map((u) =>
      jwt.sign({ sub: u.id, username: u.username, role: 'user', fid: randomUUID() }),
    ),
    userIds: users.map((u) => u.id),
    recentPostIds: recent.rows.map((r) => r.id),
    votePolls: [],
    feedViewers: FEED_VIEWERS,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const f = await fixtures();
  const targets: Target[] = [targetOf(await startFloor(PORT, DB, SECRET))];
  try {
    if (process.env.AB_NEST_FLOOR)
      targets.push(targetOf(await startFloor(PORT + 1 + BUILDS.length, DB, SECRET, 'nest-floor')));
    for (const [i, b] of BUILDS.entries()) {
      const target = await startBuild(b.name, b.dir, PORT + 1 + i);
      targets.push(target);
      if (FEED_VIEWERS > 0) await warmBuild(target, b.dir, f);
    }
    let counter = 0;
    for (const key of ONLY) {
      const scenario = SCENARIOS.find((s) => s.key === key);
      if (!scenario) throw new Error(`no scenario ${key}`);
      const rps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      const cpu = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      const mainCpu = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      const heap = new Map<string, number[]>(targets.map((t) => [t.name, []]));
      const load = (t: Target, seconds: number) => {
        const prefix = isFloor(t) ? `/${key}` : '';
        return runLoad(
          t.url + prefix,
          () => {
            const r = scenario.request(counter++, f);
            return { ...r, path: prefix + r.path };
          },
          20,
          seconds,
        );
      };
      for (const t of targets) await load(t, 3);
      for (let r = 0; r < ROUNDS; r++) {
        for (const t of r % 2 === 0 ? targets : [...targets].reverse()) {
          const [before, heapBefore] = [cpuSeconds(t.pid), await t.counters()];
          const res = await load(t, SECONDS);
          const [after, heapAfter] = [cpuSeconds(t.pid), await t.counters()];
          const perRequest = (seconds: number) => (seconds / res.requests) * 1e6;
          const us = perRequest(after.total - before.total);
          const user = perRequest(after.mainUser - before.mainUser);
          const system = perRequest(after.mainSystem - before.mainSystem);
          const kib = (heapAfter.allocatedBytes - heapBefore.allocatedBytes) / res.requests / 1024;
          rps.get(t.name)!.push(res.rps);
          cpu.get(t.name)!.push(us);
          mainCpu.get(t.name)!.push(user + system);
          heap.get(t.name)!.push(kib);
          console.log(
            `${key.padEnd(16)} ${t.name.padEnd(8)} round ${r}: ${Math.round(res.rps)} req/s, ` +
              `p50 ${res.p50} ms, p99 ${res.p99} ms, errors ${res.errors}, ${Math.round(us)} µs CPU/req ` +
              `(main thread ${Math.round(user + system)}: user ${Math.round(user)}, system ${Math.round(system)}), ` +
              `${kib.toFixed(1)} KiB allocated/req`,
          );
        }
      }
      const floorRps = rps.get('floor')!;
      for (const t of targets.slice(1)) {
        const ratios = rps.get(t.name)!.map((v, i) => (v / floorRps[i]).toFixed(2));
        console.log(
          `${key.padEnd(16)} ${t.name.padEnd(8)} ${(median(rps.get(t.name)!) / median(floorRps)).toFixed(2)}× floor ` +
            `(rounds ${ratios.join('/')}), ${Math.round(median(cpu.get(t.name)!))} µs CPU/req ` +
            `(floor ${Math.round(median(cpu.get('floor')!))}), main thread ` +
            `${Math.round(median(mainCpu.get(t.name)!))} (floor ${Math.round(median(mainCpu.get('floor')!))}), ` +
            `${median(heap.get(t.name)!).toFixed(1)} KiB allocated/req (rounds ${heap
              .get(t.name)!
              .map((k) => k.toFixed(1))
              .join('/')}; floor ${median(heap.get('floor')!).toFixed(1)})`,
        );
      }
    }
  } finally {
    for (const t of targets) t.stop();
    await new Promise((r) => setTimeout(r, 2000)); // let the APIs exit before their keys go
    await dropRedisPrefix(REDIS_PREFIX);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
