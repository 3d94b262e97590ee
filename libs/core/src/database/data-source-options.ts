import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { useFastTimestamptzParser } from './timestamptz-parser';

/** One definition for the apps, the migrator, the TypeORM CLI and the tests. Never synchronize. */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  poolTimeoutMs = 5000,
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
    // (pg uses one timeout for both; the error filter answers 503 with Retry-After).
    connectTimeoutMS: poolTimeoutMs,
    extra: { max: poolSize, application_name: 'nexus' },
  };
}
