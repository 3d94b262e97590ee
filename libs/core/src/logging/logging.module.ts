import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { Environment } from '../config/environment';
import { prettyLogStream, usePrettyLogs } from './pretty-logs';

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

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** LOG_FILE (appended synchronously, so no line is lost on exit; e2e runs scan it), else stdout. */
function logStream(env: Environment) {
  if (env.LOG_FILE) return pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: true });
  return usePrettyLogs(env) ? prettyLogStream() : process.stdout;
}

/** JSON logs (pretty at a dev terminal) with the request id on every line; secrets redacted; no stacks. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        pinoHttp: [
          {
            level: env.LOG_LEVEL,
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(req.url ?? '') },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            serializers: {
              // Only what an operator reads: credentials are never copied into the line, and the
              // response's dozen security headers (the same on every line) are left out.
              req: (req: { id: string; method: string; url: string; headers?: Headers }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                userAgent: req.headers?.['user-agent'],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              // Never log stacks: operators get type and message; the request id links the rest.
              err: (err: Error) => ({ type: err.name, message: err.message }),
            },
          },
          logStream(env),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
