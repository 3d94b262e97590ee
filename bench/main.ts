// npm run bench: builds the API, seeds a scratch database, runs the real API process and
// measures throughput and latency per scenario against a bare-Node floor, in one run.
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../libs/core/src/database/database-url';
import { migrate } from '../apps/migrate/src/migrate';
import { startFloorServer } from './floor-server';
import { LoadRequest, LoadResult, runLoad } from './load';
import { scenarios } from './scenarios';
import { seed } from './seed';

const ROOT = path.resolve(__dirname, '..');
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE_URL = withDatabase(BASE_URL, 'nexus_bench');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const JWT_SECRET = 'bench-secret-not-for-production-use';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function waitForReady(url: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (api.exitCode !== null) throw new Error(`API exited with ${api.exitCode}`);
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not become ready');
}

async function recreateDatabase(): Promise<void> {
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS nexus_bench WITH (FORCE)');
  await admin.end();
  await migrate(DATABASE_URL);
}

async function main(): Promise<void> {
  execSync('bash scripts/ensure-services.sh', { cwd: ROOT, stdio: 'inherit' });
  if (!process.env.BENCH_SKIP_BUILD)
    execSync('npx nest build api', { cwd: ROOT, stdio: 'inherit' });
  await recreateDatabase();
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const fixtures = await seed(db);
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { expiresIn: '1h' } });
  const tokens = fixtures.users.map((u) =>
    jwt.sign({ sub: u.id, username: u.username, role: 'user', fid: randomUUID() }),
  );

  const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL,
      REDIS_PREFIX: `bench:${process.pid}:`,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      THROTTLE_LIMIT: '1000000000',
      AUTH_THROTTLE_LIMIT: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await waitForReady(url, api);
    const rssIdle = rssMb(api.pid!);
    const pageBody = await (await fetch(`${url}/api/posts?first=20`)).text();
    const floor = await startFloorServer(pageBody);
    const results: { name: string; result: LoadResult }[] = [];
    const measure = async (name: string, base: string, next: (i: number) => LoadRequest) => {
      // Warm-up (JIT, pools, prepared statements); the run continues its request numbering, so
      // scenarios that need fresh inputs (first ballots) never repeat one.
      const warm = await runLoad(base, next, CONCURRENCY, 1500);
      const rest = (i: number) => next(i + warm.requests + CONCURRENCY);
      results.push({ name, result: await runLoad(base, rest, CONCURRENCY, SECONDS * 1000) });
    };
    await measure('floor: bare node http, same body', floor.url, () => ({
      method: 'GET',
      path: '/',
    }));
    floor.close();
    const runs = scenarios(fixtures, tokens);
    for (const scenario of runs) {
      await measure(scenario.name, url, scenario.next);
    }
    const rssLoaded = rssMb(api.pid!);
    for (const scenario of runs) await scenario.verify?.(db);

    const floorRps = results[0].result.rps;
    console.log(
      `\n${SECONDS}s per scenario, ${CONCURRENCY} connections, ${fixtures.users.length} users, ${fixtures.postIds.length} posts`,
    );
    console.log(
      'scenario'.padEnd(52),
      'req/s'.padStart(8),
      'x floor'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'errors'.padStart(7),
    );
    for (const { name, result } of results) {
      console.log(
        name.padEnd(52),
        result.rps.toFixed(0).padStart(8),
        (result.rps / floorRps).toFixed(3).padStart(8),
        result.p50.toFixed(1).padStart(8),
        result.p99.toFixed(1).padStart(8),
        String(result.errors).padStart(7),
      );
    }
    console.log(`API RSS: ${rssIdle.toFixed(0)} MB idle, ${rssLoaded.toFixed(0)} MB after load`);
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
