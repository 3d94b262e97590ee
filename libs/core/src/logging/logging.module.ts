import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { Environment } from '../config/environment';

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

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** stdout, or LOG_FILE (appended synchronously, so no line is lost on exit; e2e runs scan it). */
function withDestination<T>(env: Environment, options: T): T | [T, pino.DestinationStream] {
  if (!env.LOG_FILE) return options;
  return [options, pino.destination({ dest: env.LOG_FILE, mkdir: true, sync: true })];
}

/** JSON logs with the request id on every line; secrets redacted; no stacks. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        pinoHttp: withDestination(env, {
          level: env.LOG_LEVEL,
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(req.url ?? '') },
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          serializers: {
            req: (req: {
              id: string;
              method: string;
              url: string;
              headers: Record<string, unknown>;
            }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              headers: {
                authorization: req.headers?.authorization,
                cookie: req.headers?.cookie,
                'user-agent': req.headers?.['user-agent'],
              },
            }),
            // Never log stacks: operators get type and message; the request id links the rest.
            err: (err: Error) => ({ type: err.name, message: err.message }),
          },
        }),
      }),
    }),
  ],
})
export class LoggingModule {}
