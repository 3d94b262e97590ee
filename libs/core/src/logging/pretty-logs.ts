import type { DestinationStream } from 'pino';
import PinoPretty from 'pino-pretty';
import { Environment } from '../config/environment';

/**
 * LOG_FORMAT=auto: colourised lines for a person at a terminal in development; JSON lines for
 * machines (production, CI, pipes, log shippers). scripts/start.js passes `pretty` to its
 * children when its own stdout is a terminal, since theirs is a pipe.
 */
export function usePrettyLogs(
  env: Pick<Environment, 'LOG_FORMAT' | 'NODE_ENV'>,
  stdoutIsTty = Boolean(process.stdout.isTTY),
  ci = Boolean(process.env.CI),
): boolean {
  if (env.LOG_FORMAT !== 'auto') return env.LOG_FORMAT === 'pretty';
  return env.NODE_ENV === 'development' && stdoutIsTty && !ci;
}

interface LogLine {
  context?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** One line per entry; request lines keep the request id so they can be grepped together. */
export function formatMessage(log: LogLine, messageKey: string): string {
  const context = log.context ? `[${log.context}] ` : '';
  const requestId = log.req?.id ? ` (${log.req.id})` : '';
  if (log.req && log.res) {
    const { method, url } = log.req;
    return `${method} ${url} → ${log.res.statusCode} in ${log.responseTime} ms${requestId}`;
  }
  return `${context}${String(log[messageKey] ?? '')}${requestId}`;
}

export function prettyLogStream(): DestinationStream {
  return PinoPretty({
    colorize: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: (log, messageKey) => formatMessage(log as LogLine, messageKey),
  });
}
