import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import pino, { Logger as PinoInstance } from 'pino';
import { Environment } from '../config/environment';
import { describeForLog } from '../errors/error-body';
import { prettyLogStream, usePrettyLogs } from './pretty-logs';
import { TurnBatchedStream } from './turn-batched-stream';

/** Paths pino blanks out, wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
];

type Headers = Record<string, string | string[] | undefined>;

/** The process's one pino logger: Nest's logs (through nestjs-pino) and the request lines. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export type RootLogger = PinoInstance;

const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * LOG_FILE (e2e runs scan it), else stdout; either written synchronously, a turn's lines at a
 * time (TurnBatchedStream).
 */
function logStream(env: Environment) {
  if (env.LOG_FILE) return pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: true });
  return usePrettyLogs(env) ? prettyLogStream() : process.stdout;
}

/** JSON logs (pretty at a dev terminal); secrets redacted; no stacks. */
export function createRootLogger(
  env: Environment,
  destination: pino.DestinationStream,
): RootLogger {
  return pino(
    {
      level: env.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        // Only what an operator reads: credentials are never copied into the line, and the
        // response's dozen security headers (the same on every line) are left out.
        req: (req: { id: string; method?: string; url?: string; headers?: Headers }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          userAgent: req.headers?.['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // Never log stacks or SQL: class, code and message; the request id links the rest.
        err: describeForLog,
      },
    },
    destination,
  );
}

@Module({
  providers: [
    {
      provide: LOG_DESTINATION,
      inject: [Environment],
      useFactory: (env: Environment) => new TurnBatchedStream(logStream(env)),
    },
    {
      provide: ROOT_LOGGER,
      inject: [Environment, LOG_DESTINATION],
      useFactory: createRootLogger,
    },
  ],
  exports: [ROOT_LOGGER],
})
export class RootLoggerModule implements OnApplicationShutdown {
  constructor(@Inject(LOG_DESTINATION) private readonly destination: TurnBatchedStream) {}

  onApplicationShutdown(): void {
    this.destination.close();
  }
}
