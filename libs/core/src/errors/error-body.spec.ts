import { QueryFailedError } from 'typeorm';
import { NotFoundError } from './domain-error';
import { toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it('maps PostgreSQL data exceptions (22xxx) to 400 without the driver message', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type integer: "x"'), {
      code: '22P02',
    });
    const body = toErrorBody(new QueryFailedError('SELECT $1::int', ['x'], driverError));
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(body)).not.toMatch(/integer|SELECT/);
  });

  it('keeps other database errors a bare 500', () => {
    const driverError = Object.assign(new Error('relation does not exist'), { code: '42P01' });
    expect(toErrorBody(new QueryFailedError('SELECT', [], driverError)).statusCode).toBe(500);
  });

  it('maps an exhausted connection pool to a retryable 503', () => {
    expect(toErrorBody(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('always gives details as an array', () => {
    expect(toErrorBody(new NotFoundError('Post', '7')).details).toEqual([
      { resource: 'Post', id: '7' },
    ]);
  });
});
