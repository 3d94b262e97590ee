import { PassThrough } from 'node:stream';
import pino from 'pino';
import PinoPretty from 'pino-pretty';
import { formatMessage, usePrettyLogs } from './pretty-logs';

describe('log format', () => {
  it('is pretty only for a person at a terminal in development, unless LOG_FORMAT says so', () => {
    const dev = { LOG_FORMAT: 'auto', NODE_ENV: 'development' } as const;
    expect(usePrettyLogs(dev, true, false)).toBe(true);
    expect(usePrettyLogs(dev, false, false)).toBe(false); // piped
    expect(usePrettyLogs(dev, true, true)).toBe(false); // CI
    expect(usePrettyLogs({ ...dev, NODE_ENV: 'production' }, true, false)).toBe(false);
    expect(usePrettyLogs({ ...dev, LOG_FORMAT: 'json' }, true, false)).toBe(false);
    expect(
      usePrettyLogs({ ...dev, LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false, true),
    ).toBe(true);
  });

  it('keeps the request id on request lines and on lines logged inside a request', () => {
    const req = { id: 'req-42', method: 'GET', url: '/api/posts' };
    expect(
      formatMessage(
        { req, res: { statusCode: 200 }, responseTime: 7, msg: 'request completed' },
        'msg',
      ),
    ).toBe('GET /api/posts → 200 in 7 ms (req-42)');
    expect(formatMessage({ req, context: 'PostsService', msg: 'hello' }, 'msg')).toBe(
      '[PostsService] hello (req-42)',
    );
  });

  it('writes colourised lines through pino-pretty', async () => {
    const destination = new PassThrough();
    const line = new Promise<string>((resolve) =>
      destination.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    const stream = PinoPretty({
      colorize: true,
      sync: true,
      destination,
      messageFormat: (log, key) => formatMessage(log as never, key),
    });
    pino(stream).info({ req: { id: 'req-7' }, context: 'Bootstrap' }, 'API listening');
    expect(await line).toContain('[Bootstrap] API listening (req-7)');
    expect(await line).toContain(`${String.fromCharCode(27)}[3`); // an ANSI colour code
  });
});
