import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RootLogger } from './root-logger';

const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

// The root logger's `req` serializer picks id, method, url and user agent out of this.
function lineOf(request: FastifyRequest) {
  return { id: request.id, method: request.method, url: request.url, headers: request.headers };
}

/**
 * The request lines hold only what lineOf and the `req` serializer keep (never a header but the
 * user agent), so they skip the redaction pass, a third of a line's cost with wildcard paths.
 */
function unredacted(logger: RootLogger): RootLogger {
  return logger.child({}, { redact: { paths: [] } });
}

/**
 * One line per answered request from Fastify's `onResponse` hook, in pino-http's shape
 * (`req`, `res`, `responseTime`, "request completed"): info below 400, warn for 4xx, error for
 * 5xx. Health probes and scrapes are not logged.
 */
export function requestLogHook(logger: RootLogger) {
  const lines = unredacted(logger);
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!QUIET_PATHS.has(request.url)) {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      lines[level](
        {
          req: lineOf(request),
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  };
}

/** A client that hung up before its answer was sent. */
export function requestAbortLogHook(logger: RootLogger) {
  const lines = unredacted(logger);
  return (request: FastifyRequest, done: () => void): void => {
    lines.warn({ req: lineOf(request) }, 'request aborted');
    done();
  };
}
