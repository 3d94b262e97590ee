import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { useFastTimestamptzParser } from './timestamptz-parser';

export interface PoolOptions {
  /** Connections per process. */
  size?: number;
  /** How long a query waits for a pooled (or new) connection; pg uses one timeout for both. */
  timeoutMs?: number;
  /** How long an unused connection stays open; 0 keeps it until the process ends. */
  idleMs?: number;
}

/** One definition for the apps, the migrator, the TypeORM CLI and the tests. Never synchronize. */
export function dataSourceOptions(
  url: string,
  { size = 10, timeoutMs = 5000, idleMs = 600_000 }: PoolOptions = {},
): DataSourceOptions {
  useFastTimestamptzParser();
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    // Fail fast instead of hanging when Postgres is unreachable or the pool stays exhausted
    // (the error filter answers 503 with Retry-After).
    connectTimeoutMS: timeoutMs,
    // pg closes connections idle for 10 s by default; on the fresh ones the bench's first 10 s
    // after a lull served ~30% fewer post reads (decision 103), so the pool stays open.
    extra: { max: size, idleTimeoutMillis: idleMs, application_name: 'nexus' },
  };
}
