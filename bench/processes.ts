import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_FLAGS } from '../scripts/node-flags';

export const ROOT = path.resolve(__dirname, '..');
const PRELOAD = path.join(__dirname, 'process-counters.js');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

export interface ProcessCounters {
  statements: number;
  allocatedBytes: number;
}

export interface BenchProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Statements sent to PostgreSQL and bytes allocated on the heap so far (process-counters.js). */
  counters(): Promise<ProcessCounters>;
  rssMb(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export async function waitForHttp(url: string, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/** Asks a process started with process-counters.js (and an IPC channel) for its counters. */
export function countersOf(child: ChildProcess, name: string): () => Promise<ProcessCounters> {
  return () =>
    new Promise((resolve, reject) => {
      const onMessage = (msg: Partial<ProcessCounters>) => {
        if (typeof msg?.statements !== 'number' || typeof msg.allocatedBytes !== 'number') return;
        child.off('message', onMessage);
        resolve({ statements: msg.statements, allocatedBytes: msg.allocatedBytes });
      };
      child.on('message', onMessage);
      if (!child.send('counters?')) reject(new Error(`${name}: IPC closed`));
    });
}

function wrap(name: string, url: string, child: ChildProcess): BenchProcess {
  return {
    name,
    url,
    child,
    counters: countersOf(child, name),
    rssMb: () => rssOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

/**
 * The environment of the API and the worker as the bench and the soak run them: production
 * settings (default log level, so request logs on; rate limits on with a ceiling no run
 * reaches, so the Redis round trip is still paid) against the given database and key prefix.
 */
export function productionLikeEnv(settings: {
  databaseUrl: string;
  redisPrefix: string;
  jwtSecret: string;
}): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: settings.databaseUrl,
    REDIS_PREFIX: settings.redisPrefix,
    JWT_SECRET: settings.jwtSecret,
    LOG_LEVEL: 'info',
    THROTTLE_LIMIT: '1000000000',
    AUTH_THROTTLE_LIMIT: '1000000000',
  };
}

/** BENCH_CPU_PROF=1: the process writes a CPU profile named after it (api-…, floor-…) on exit. */
function cpuProfileFlags(name: string, env: NodeJS.ProcessEnv): string[] {
  if (!process.env.BENCH_CPU_PROF) return [];
  const dir = env.BENCH_CPU_PROF_DIR ?? process.env.BENCH_CPU_PROF_DIR ?? 'bench/profiles';
  return [
    '--cpu-prof',
    '--cpu-prof-dir',
    dir,
    '--cpu-prof-name',
    `${name}-${Date.now()}.cpuprofile`,
  ];
}

/** The built API as production runs it (NODE_ENV=production, info logs to stdout). */
export async function startApi(port: number, env: NodeJS.ProcessEnv): Promise<BenchProcess> {
  const args = [...NODE_FLAGS, ...cpuProfileFlags('api', env)];
  // BENCH_API_MAIN: another build of the API (A/B of two commits in one run).
  const main = env.BENCH_API_MAIN ?? process.env.BENCH_API_MAIN ?? 'dist/apps/api/main.js';
  const child = spawn(process.execPath, [...args, '-r', PRELOAD, main], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port) },
    // stdout: the request log, written as in production and thrown away here.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, child, 'API');
  return wrap('api', url, child);
}

/** Floors: their routes are /<scenario key>/<the API path>. */
export const FLOOR_KINDS = {
  /** The same-work floor: bare node:http + pg (bench/floor-server.ts). */
  floor: 'bench/floor-server.ts',
  /** The same work through NestJS + Fastify and nothing else (bench/nest-floor.ts). */
  'nest-floor': 'bench/nest-floor.ts',
} as const;

export const isFloor = (t: { name: string }) => t.name in FLOOR_KINDS;

export async function startFloor(
  port: number,
  databaseUrl: string,
  jwtSecret: string,
  kind: keyof typeof FLOOR_KINDS = 'floor',
) {
  // Floors run with the API's node flags: the same runtime, only the code differs.
  const args = [
    ...NODE_FLAGS,
    ...cpuProfileFlags(kind, process.env),
    ...TS_NODE,
    '-r',
    PRELOAD,
    FLOOR_KINDS[kind],
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      FLOOR_PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/ready`, child, kind);
  return wrap(kind, url, child);
}

/** The built worker (queue consumers), for the soak. */
export async function startWorker(env: NodeJS.ProcessEnv, cwd = ROOT): Promise<BenchProcess> {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, '-r', PRELOAD, 'dist/apps/worker/main.js'],
    {
      cwd,
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  await new Promise((r) => setTimeout(r, 3000));
  if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
  return wrap('worker', '', child);
}
