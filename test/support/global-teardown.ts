import Redis from 'ioredis';
import { Client } from 'pg';
import { rmSync } from 'node:fs';
import { logDirectory, scanLogs } from './log-secrets';
import { BASE_DATABASE_URL, REDIS_URL, runId, runRedisPrefix } from './test-run';

/** Drops this run's databases and Redis keys; fails the run if any app log line held a secret. */
export default async function globalTeardown(): Promise<void> {
  const run = runId();
  await dropRunData(run);
  const { lines, findings } = scanLogs(logDirectory(run));
  if (findings.length > 0) {
    // Kept for inspection; the message names files and kinds, never the secret itself.
    throw new Error(
      `Secrets in ${findings.length} of ${lines} app log lines (${logDirectory(run)}):\n` +
        findings.slice(0, 20).join('\n'),
    );
  }
  rmSync(logDirectory(run), { recursive: true, force: true });
}

async function dropRunData(run: string): Promise<void> {
  const admin = new Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect();
  try {
    const dbs = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`nexus_t${run}_%`],
    );
    for (const { datname } of dbs.rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${runRedisPrefix(run)}*`,
        'COUNT',
        1000,
      );
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
