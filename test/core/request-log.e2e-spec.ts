import { Controller, Get, InternalServerErrorException, Module } from '@nestjs/common';
import { Public } from '@nexus/auth';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp, TestApp } from '../support/test-app';

// Test-only routes: one that answers, one that fails, one that takes its time.
@Public()
@Controller('log-probe')
class LogProbeController {
  @Get('note')
  note() {
    return { ok: true };
  }

  @Get('fail')
  fail() {
    throw new InternalServerErrorException();
  }

  @Get('slow')
  async slow() {
    await sleep(500);
    return { ok: true };
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

interface Line {
  level: number;
  msg: string;
  context?: string;
  req?: { id?: string; method?: string; url?: string; userAgent?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: unknown;
}

function linesFor(requestId: string): Line[] {
  return readFileSync(process.env.LOG_FILE!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line)
    .filter((line) => line.req?.id === requestId);
}

// The request line is written once the answer is sent, so it may trail the response a little.
async function requestLine(requestId: string, msg = 'request completed'): Promise<Line> {
  for (let i = 0; i < 50; i++) {
    const line = linesFor(requestId).find((l) => l.msg === msg);
    if (line) return line;
    await sleep(20);
  }
  throw new Error(`no "${msg}" line for ${requestId}`);
}

describe('request log lines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [LogProbeModule] });
  });
  afterAll(() => t.close());

  it('writes one line per request with id, method, url, user agent, status and time, no headers', async () => {
    const res = await t.http
      .get('/api/log-probe/note?x=1')
      .set('User-Agent', 'log-test/1.0')
      .set('Authorization', 'Bearer not-a-real-token-but-long');
    expect(res.status).toBe(200);
    const id = res.headers['x-request-id'];
    const line = await requestLine(id);
    expect(line).toMatchObject({
      level: 30,
      req: { id, method: 'GET', url: '/api/log-probe/note?x=1', userAgent: 'log-test/1.0' },
      res: { statusCode: 200 },
    });
    expect(typeof line.responseTime).toBe('number');
    expect(Object.keys(line.req!).sort()).toEqual(['id', 'method', 'url', 'userAgent']);
    expect(JSON.stringify(line)).not.toContain('not-a-real-token');
    expect(linesFor(id).filter((l) => l.msg === 'request completed')).toHaveLength(1);
  });

  it('writes the error line of a 5xx with the request id, as its request line', async () => {
    const res = await t.http.get('/api/log-probe/fail').set('X-Request-Id', 'log-probe-1');
    expect(res.status).toBe(500);
    expect(res.body.requestId).toBe('log-probe-1');
    await requestLine('log-probe-1');
    expect(linesFor('log-probe-1').find((l) => l.msg === 'Unhandled error')).toMatchObject({
      level: 50,
      context: 'Errors',
      req: { id: 'log-probe-1' },
      err: { type: 'InternalServerErrorException' },
    });
  });

  it('logs 4xx at warn and 5xx at error, and leaves health probes out', async () => {
    const missing = await t.http.get('/api/posts/999999999');
    expect(missing.status).toBe(404);
    expect(await requestLine(missing.headers['x-request-id'])).toMatchObject({
      level: 40,
      res: { statusCode: 404 },
    });

    const failed = await t.http.get('/api/log-probe/fail');
    expect(failed.status).toBe(500);
    expect(await requestLine(failed.headers['x-request-id'])).toMatchObject({
      level: 50,
      res: { statusCode: 500 },
    });

    const live = await t.http.get('/health/live').set('X-Request-Id', 'log-probe-live');
    expect(live.status).toBe(200);
    // A later request's line is written after the probe's would have been.
    const after = await t.http.get('/api/log-probe/note');
    await requestLine(after.headers['x-request-id']);
    expect(linesFor('log-probe-live')).toEqual([]);
  });

  it('logs a request whose client hung up before the answer as aborted', async () => {
    const req = httpRequest(`${t.url}/api/log-probe/slow`, {
      headers: { 'X-Request-Id': 'log-probe-abort' },
    });
    req.on('error', () => undefined);
    req.end();
    await sleep(100);
    req.destroy();
    expect(await requestLine('log-probe-abort', 'request aborted')).toMatchObject({
      level: 40,
      req: { id: 'log-probe-abort', method: 'GET', url: '/api/log-probe/slow' },
    });
  });
});
