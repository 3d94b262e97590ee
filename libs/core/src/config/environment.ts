import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'nexus-development-secret-change-me-in-production';

/** Every variable the API, the worker and the migrator read. Documented in .env.example. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: '$property must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/nexus';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** How long a query waits for a pool connection (or a new one to open) before a 503. */
  @IsInt()
  @Min(500)
  @Max(120_000)
  DATABASE_POOL_TIMEOUT_MS: number = 5000;

  /** How long an unused pooled connection stays open (0: until the process ends). */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DATABASE_POOL_IDLE_MS: number = 600_000;

  @Matches(/^rediss?:\/\/.+/, { message: '$property must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key this deployment owns (cache, queues, timelines, limits). */
  @Matches(/^[A-Za-z0-9_:.-]{1,64}$/, {
    message: '$property must be 1-64 chars of [A-Za-z0-9_:.-]',
  })
  REDIS_PREFIX: string = 'nexus:';

  @IsString()
  @MinLength(32, { message: '$property must be at least 32 characters' })
  JWT_SECRET: string = DEV_JWT_SECRET;

  /** `kid` written into new access tokens; change it together with JWT_SECRET to rotate. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: '$property must be 1-64 of [A-Za-z0-9._-]' })
  JWT_KEY_ID: string = 'k1';

  /** `kid:secret,kid:secret` still accepted for verification during a rotation (secrets ≥ 32). */
  @Matches(/^$|^[A-Za-z0-9._-]{1,64}:[^,]{32,}(,[A-Za-z0-9._-]{1,64}:[^,]{32,})*$/, {
    message:
      '$property must be kid:secret pairs (secrets of at least 32 characters), comma-separated',
  })
  JWT_PREVIOUS_KEYS: string = '';

  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_ACCESS_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Comma-separated origins, `*` for any, or `none` to send no CORS headers. */
  @IsString()
  CORS_ORIGINS: string = '*';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must look like 100kb or 1mb' })
  BODY_LIMIT: string = '100kb';

  /** `auto`: colourised pino-pretty at a terminal in development, JSON lines otherwise. */
  @IsIn(['auto', 'pretty', 'json'])
  LOG_FORMAT: 'auto' | 'pretty' | 'json' = 'auto';

  /** GraphiQL at GET /graphql for browsers: `auto` = on except in production. */
  @IsIn(['auto', 'true', 'false'])
  GRAPHQL_IDE: 'auto' | 'true' | 'false' = 'auto';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Append JSON logs to this file instead of stdout (empty = stdout). */
  @IsString()
  LOG_FILE: string = '';

  @IsInt()
  @Min(1)
  THROTTLE_TTL_SECONDS: number = 60;

  @IsInt()
  @Min(1)
  THROTTLE_LIMIT: number = 300;

  @IsInt()
  @Min(1)
  AUTH_THROTTLE_LIMIT: number = 5;

  // GraphQL limits (DESIGN §4), checked before any resolver runs.
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_DEPTH: number = 12;

  @IsInt()
  @Min(0)
  GRAPHQL_MAX_ALIASES: number = 30;

  @IsInt()
  @Min(1)
  GRAPHQL_MAX_ROOT_FIELDS: number = 20;

  @IsInt()
  @Min(0)
  GRAPHQL_MAX_DIRECTIVES: number = 50;

  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS: number = 2000;

  /** A list costs its `first` (default 20) times its children; see docs/security.md. */
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_COST: number = 20_000;

  /**
   * A GraphQL document is compiled (graphql-jit) on its n-th execution; earlier ones run on
   * graphql-js. Compiling costs ~0.5 ms and new generated code starts slow, so only documents
   * many requests share pay it back (not per-user ones such as the brief's feed query with its
   * inlined user id). 0 = never compile.
   */
  @IsInt()
  @Min(0)
  GRAPHQL_COMPILE_AFTER_USES: number = 50;

  /** `true` / `false`; empty = on except in production. */
  @IsIn(['', 'true', 'false'])
  GRAPHQL_INTROSPECTION: string = '';

  /** "Did you mean …?" hints in GraphQL errors: `true` / `false`; empty = on except in production. */
  @IsIn(['', 'true', 'false'])
  GRAPHQL_FIELD_SUGGESTIONS: string = '';

  /** How long a response stored under an Idempotency-Key is replayed. */
  @IsInt()
  @Min(60)
  IDEMPOTENCY_TTL_SECONDS: number = 86_400;

  @IsInt()
  @Min(1)
  FEED_CELEBRITY_THRESHOLD: number = 10_000;

  /** Post ids kept per Redis timeline; older pages are read from PostgreSQL. */
  @IsInt()
  @Min(10)
  @Max(10_000)
  FEED_TIMELINE_CAP: number = 800;

  /** Followers per pipelined batch in a fan-out job (the job checkpoints after each batch). */
  @IsInt()
  @Min(1)
  @Max(50_000)
  FEED_FANOUT_BATCH: number = 2000;

  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY: number = 5;

  /** Optional tiny HTTP port on the worker for /health/live and /metrics; 0 disables it. */
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HTTP_PORT: number = 0;

  /** A worker that dies holding a job loses its lock after this long; another worker retries it. */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_DURATION_MS: number = 30_000;

  /** How often the outbox relay looks for jobs that could not be delivered at commit. */
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_RELAY_INTERVAL_MS: number = 1000;

  /** How often view counters are flushed from Redis into post_stats_daily. */
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  ANALYTICS_FLUSH_INTERVAL_MS: number = 30_000;

  /** How often trending scores are recomputed (one run per interval across all workers). */
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  TRENDING_INTERVAL_MS: number = 60_000;

  /** Basic-auth credentials for Bull Board (/admin/queues); admins' JWTs always work. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  BULL_BOARD_USER?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: '$property must be at least 12 characters' })
  BULL_BOARD_PASSWORD?: string = undefined;

  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(60_000)
  SHUTDOWN_TIMEOUT_MS: number = 25_000;
}

export class EnvironmentError extends Error {}

/** A `true`/`false`/empty switch; empty means on outside production. */
export function switchedOn(env: Environment, value: string): boolean {
  return value === '' ? env.NODE_ENV !== 'production' : value === 'true';
}

/** Whether GET /graphql serves the IDE to browsers (GRAPHQL_IDE, default: not in production). */
export function graphqlIdeEnabled(env: Pick<Environment, 'GRAPHQL_IDE' | 'NODE_ENV'>): boolean {
  return env.GRAPHQL_IDE === 'auto' ? env.NODE_ENV !== 'production' : env.GRAPHQL_IDE === 'true';
}

/** Parses and validates raw env; throws one line naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''),
  );
  const env = plainToInstance(Environment, picked, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  // Constraint messages already start with the variable's name.
  const problems = errors.map((e) => Object.values(e.constraints ?? {}).join(', '));
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET must be set in production');
  }
  if (problems.length > 0) {
    throw new EnvironmentError(`Invalid environment: ${problems.join('; ')}`);
  }
  return env;
}
