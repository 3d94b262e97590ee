// Per test file, before any import: quiet logs, this worker's database, a fresh Redis prefix.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { logDirectory } from './log-secrets';
import { databaseUrl, REDIS_URL, runId, runRedisPrefix, workerDatabase } from './test-run';

const worker = process.env.JEST_WORKER_ID ?? '1';
process.env.NODE_ENV = 'test';
// Logs go to a file per test file, not the console; global teardown scans them all for secrets.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'info';
mkdirSync(logDirectory(runId()), { recursive: true });
process.env.LOG_FILE = join(
  logDirectory(runId()),
  `w${worker}-${randomBytes(4).toString('hex')}.log`,
);
process.env.DATABASE_URL = databaseUrl(workerDatabase(runId(), worker));
process.env.REDIS_URL = REDIS_URL;
// Per file: throttle counters, caches and queues of one file never leak into the next.
process.env.REDIS_PREFIX = `${runRedisPrefix(runId())}w${worker}${randomBytes(3).toString('hex')}:`;
process.env.THROTTLE_LIMIT = '100000';
process.env.AUTH_THROTTLE_LIMIT = '100000';
// Every GraphQL document the suites send runs compiled (graphql-jit), not only repeated ones.
process.env.GRAPHQL_COMPILE_AFTER_USES = '1';

// @nestjs/graphql keeps its type metadata on `global`, which outlives a test file's module
// registry: the next file would see the previous file's classes (and their `graphql` instance).
const graphqlGlobals = global as unknown as Record<string, unknown>;
delete graphqlGlobals.GqlTypeMetadataStorage;
delete graphqlGlobals.GqlLazyMetadataStorageHost;
