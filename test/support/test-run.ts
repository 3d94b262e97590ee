// Not '@nexus/core': importing its index runs ConfigModule.forRoot, which writes defaults into process.env.
import { withDatabase } from '../../libs/core/src/database/database-url';

/**
 * One test run = one template database and one Redis prefix family, named by NEXUS_TEST_RUN
 * (set once in globalSetup), so concurrent runs on one machine never touch each other.
 */
export const BASE_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL =
  process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.NEXUS_TEST_RUN;
  if (!id) throw new Error('NEXUS_TEST_RUN is not set: run e2e tests through jest (globalSetup)');
  return id;
}

export const templateDatabase = (run: string) => `nexus_t${run}_template`;
export const workerDatabase = (run: string, worker: string) => `nexus_t${run}_w${worker}`;
export const runRedisPrefix = (run: string) => `test:${run}:`;
export const databaseUrl = (name: string) => withDatabase(BASE_DATABASE_URL, name);
