import { formatGraphqlError } from './graphql-format-error';

describe('formatGraphqlError', () => {
  it('keeps errors already in the shared shape', () => {
    const out = formatGraphqlError({
      message: 'Too many requests',
      extensions: { code: 'RATE_LIMITED', statusCode: 429, requestId: 'r1', stacktrace: ['at x'] },
    });
    expect(out.extensions).toEqual({
      code: 'RATE_LIMITED',
      statusCode: 429,
      requestId: 'r1',
      details: undefined,
    });
  });

  it('maps graphql validation errors to VALIDATION_FAILED', () => {
    const out = formatGraphqlError({
      message: 'Cannot query field',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(out.extensions).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400 });
  });

  it('hides anything unexpected behind a bare 500', () => {
    const out = formatGraphqlError({
      message: 'relation "users" does not exist',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError: ...'] },
    });
    expect(out).toEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', statusCode: 500, requestId: undefined },
    });
  });
});
