import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Public } from '@nexus/auth';
import { IsEmail, IsInt, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

class ProbeInput {
  @IsEmail()
  email!: string;

  @IsInt()
  @Min(1)
  count!: number;
}

// Test-only routes: one validated body, one database failure.
@Public()
@Controller('probe')
class ProbeController {
  constructor(private readonly db: DataSource) {}

  @Post()
  echo(@Body() input: ProbeInput) {
    return input;
  }

  @Get('data-error')
  dataError() {
    // 22P02 invalid_text_representation: a data exception that slipped past validation.
    return this.db.query('SELECT $1::int AS n', ['not-a-number-hunter2']);
  }

  @Get('boom')
  boom() {
    return this.db.query('SELECT secret_column FROM no_such_table WHERE password = $1', [
      'hunter2',
    ]);
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('answers 404 for an unknown route in the shared shape, echoing x-request-id', async () => {
    const res = await t.http.get('/api/does-not-exist').set('x-request-id', 'trace-123');
    expect(res.status).toBe(404);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/does-not-exist',
      requestId: 'trace-123',
    });
  });

  it('generates a request id when the caller sends none or an unsafe one', async () => {
    const res = await t.http.get('/health/live').set('x-request-id', 'bad id\twith spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 400 VALIDATION_FAILED with per-field details', async () => {
    const res = await t.http.post('/api/probe').send({ email: 'nope', count: 0 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([
      { field: 'email', messages: ['email must be an email'] },
      { field: 'count', messages: ['count must not be less than 1'] },
    ]);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('rejects unknown fields with 400', async () => {
    const res = await t.http.post('/api/probe').send({ email: 'a@b.co', count: 1, isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'isAdmin', messages: ['property isAdmin should not exist'] },
    ]);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.http
      .post('/api/probe')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'Malformed JSON body',
    });
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await t.http.post('/api/probe').send({ email: 'a'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 500 with no stack, SQL or parameters leaked', async () => {
    const res = await t.http.get('/api/probe/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
      requestId: res.headers['x-request-id'],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/no_such_table|hunter2|SELECT|at /);
  });

  it('maps a PostgreSQL data exception (22xxx) to 400 without echoing the value', async () => {
    const res = await t.http.get('/api/probe/data-error');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ reason: 'INVALID_VALUE' }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|SELECT|integer/);
  });

  it('gives GraphQL errors the same code and statusCode in extensions', async () => {
    const res = await gql(t.http, '{ noSuchField }');
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      statusCode: 400,
    });
    expect(res.errors?.[0].extensions.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace/);
  });

  it.each([
    ['a resolver’s error', { query: '{ postById(id: 987654321) { id } }' }, 'NOT_FOUND'],
    ['a parse error', { query: '{ postById(id: ' }, 'VALIDATION_FAILED'],
    ['Apollo’s refusal of a request without a query', {}, 'VALIDATION_FAILED'],
  ])('gives %s the request id of its x-request-id header', async (_name, body, code) => {
    const res = await t.http.post('/graphql').set('x-request-id', 'gql-trace-1').send(body);
    expect(res.headers['x-request-id']).toBe('gql-trace-1');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({ code, requestId: 'gql-trace-1' });
  });
});
