import { Body, Controller, Get, Module, Param, Post, Req } from '@nestjs/common';
import { Public } from '@nexus/auth';
import { IsOptional, IsString } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { createTestApp, TestApp } from '../support/test-app';

class EchoInput {
  @IsOptional()
  @IsString()
  text?: string;
}

// Test-only routes: what the handler sees of the request after the HTTP stack ran.
@Public()
@Controller('http-probe')
class HttpProbeController {
  @Post()
  echo(@Body() input: EchoInput) {
    return { input };
  }

  @Get('ip')
  ip(@Req() req: FastifyRequest) {
    return { ip: req.ip };
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [HttpProbeController] })
class HttpProbeModule {}

// Headers helmet 8 sets with its defaults (CSP off outside production), as on Express.
const HELMET_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('HTTP stack (Fastify adapter)', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.CORS_ORIGINS = 'https://app.example, https://admin.example';
    t = await createTestApp({ imports: [HttpProbeModule] });
  });
  afterAll(async () => {
    delete process.env.CORS_ORIGINS;
    await t.close();
  });

  it('sets helmet’s headers and no CSP outside production', async () => {
    const res = await t.http.get('/health/live');
    expect(res.headers).toMatchObject(HELMET_HEADERS);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reflects an allowed origin and exposes x-request-id and retry-after', async () => {
    const res = await t.http.get('/health/live').set('Origin', 'https://admin.example');
    expect(res.headers['access-control-allow-origin']).toBe('https://admin.example');
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id,retry-after');
    const other = await t.http.get('/health/live').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight with 204 before auth, routing or body parsing', async () => {
    const res = await t.http
      .options('/api/posts')
      .set('Origin', 'https://app.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'access-control-allow-headers': 'content-type,authorization',
      'content-length': '0',
      vary: 'Origin, Access-Control-Request-Headers',
      ...HELMET_HEADERS,
    });
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('hands the handler a JSON body', async () => {
    const res = await t.http.post('/api/http-probe').send({ text: 'hello' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ input: { text: 'hello' } });
  });

  it('reads a body that arrives after the headers, in a later packet', async () => {
    const body = JSON.stringify({ text: 'late' });
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${t.url}/api/http-probe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-request-id': 'ctx-late-body',
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.flushHeaders();
      void sleep(100).then(() => req.end(body));
    });
    expect(JSON.parse(answer)).toEqual({ input: { text: 'late' } });
  });

  it('inflates gzip bodies and treats an empty JSON body as {}', async () => {
    const gzipped = gzipSync(JSON.stringify({ text: 'zipped' }));
    const zipped = await t.http
      .post('/api/http-probe')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(() => gzipped as unknown as string) // as is: superagent would JSON-encode a Buffer
      .send(gzipped);
    expect(zipped.status).toBe(201);
    expect(zipped.body).toEqual({ input: { text: 'zipped' } });
    const empty = await t.http.post('/api/http-probe').set('content-type', 'application/json');
    expect(empty.status).toBe(201);
    expect(empty.body.input).toEqual({});
  });

  it.each([
    ['a charset other than UTF-8/16', { 'content-type': 'application/json; charset=latin1' }, 415],
    ['an unknown Content-Encoding', { 'content-encoding': 'zstd' }, 415],
    ['a body that is not gzip', { 'content-encoding': 'gzip' }, 400],
  ])('refuses %s as an unreadable body', async (_label, headers, status) => {
    const res = await t.http
      .post('/api/http-probe')
      .set({ 'content-type': 'application/json', ...headers })
      .set('x-request-id', 'unreadable-1')
      .send('{"text":"x"}');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      statusCode: status,
      message: 'Unreadable request body',
      requestId: 'unreadable-1',
    });
  });

  it('accepts only objects and arrays at the top level, as before', async () => {
    for (const raw of ['"text"', 'null', '12']) {
      const res = await t.http
        .post('/api/http-probe')
        .set('content-type', 'application/json')
        .send(raw);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Malformed JSON body');
    }
  });

  it('refuses a non-JSON body with 415 and ignores an empty one', async () => {
    const form = await t.http
      .post('/api/http-probe')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('text=x');
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const empty = await t.http.post('/api/http-probe').set('content-type', 'text/plain');
    expect(empty.status).toBe(201);
  });

  it('trusts X-Forwarded-For from a loopback proxy only', async () => {
    const res = await t.http.get('/api/http-probe/ip').set('X-Forwarded-For', '203.0.113.7');
    expect(res.body.ip).toBe('203.0.113.7');
    const chained = await t.http
      .get('/api/http-probe/ip')
      .set('X-Forwarded-For', '198.51.100.1, 203.0.113.7');
    expect(chained.body.ip).toBe('203.0.113.7');
  });

  it('routes like Express did: trailing slash and letter case ignored', async () => {
    expect((await t.http.get('/health/live/')).status).toBe(200);
    expect((await t.http.get('/Health/Live')).status).toBe(200);
    const res = await t.http.get('/api/HTTP-probe/items/AbC');
    expect(res.body).toEqual({ id: 'AbC' });
  });

  it('answers a malformed URL with 400 in the shared shape', async () => {
    const res = await t.http.get('/api/http-probe/items/%E0%A4%A').set('x-request-id', 'bad-url');
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toBe('bad-url');
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', requestId: 'bad-url' });
  });

  it('answers a route parameter over 100 characters with 414 in the shared shape', async () => {
    const res = await t.http.get(`/api/http-probe/items/${'7'.repeat(101)}`);
    expect(res.status).toBe(414);
    expect(res.body).toMatchObject({ statusCode: 414, code: 'BAD_REQUEST' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('labels request metrics by route template, unmatched for unknown paths', async () => {
    await t.http.get('/api/http-probe/items/1');
    await t.http.get('/api/http-probe/items/2');
    await t.http.get('/api/no-such-route');
    const metrics = (await t.http.get('/metrics')).text;
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/http-probe\/items\/:id",status_code="200"\} \d+/,
    );
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/,
    );
    expect(metrics).not.toMatch(/route="\/api\/http-probe\/items\/1"/);
  });
});
