// Per test file, before any import: quiet logs, this worker's database, a fresh Redis prefix.
import { randomBytes } from 'node:crypto';
import { databaseUrl, REDIS_URL, runId, runRedisPrefix, workerDatabase } from './test-run';

const worker = process.env.JEST_WORKER_ID ?? '1';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.DATABASE_URL = databaseUrl(workerDatabase(runId(), worker));
process.env.REDIS_URL = REDIS_URL;
// Per file: throttle counters, caches and queues of one file never leak into the next.
process.env.REDIS_PREFIX = `${runRedisPrefix(runId())}w${worker}${randomBytes(3).toString('hex')}:`;
process.env.THROTTLE_LIMIT = '100000';
process.env.AUTH_THROTTLE_LIMIT = '100000';

// @nestjs/graphql keeps its type metadata on `global`, which outlives a test file's module
// registry: the next file would see the previous file's classes (and their `graphql` instance).
const graphqlGlobals = global as unknown as Record<string, unknown>;
delete graphqlGlobals.GqlTypeMetadataStorage;
delete graphqlGlobals.GqlLazyMetadataStorageHost;
