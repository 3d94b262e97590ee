import { graphqlIdeEnabled, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives working localhost defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/nexus');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('converts numeric strings', () => {
    expect(validateEnvironment({ PORT: '8080', THROTTLE_LIMIT: '7' })).toMatchObject({
      PORT: 8080,
      THROTTLE_LIMIT: 7,
    });
  });

  it('names the bad variable in one line', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(
      /^Invalid environment: PORT must/,
    );
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      'JWT_SECRET must be set in production',
    );
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).NODE_ENV,
    ).toBe('production');
  });

  it('rejects a short JWT secret', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(
      'JWT_SECRET must be at least 32 characters',
    );
  });

  it('serves the GraphQL IDE outside production unless GRAPHQL_IDE says otherwise', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(graphqlIdeEnabled(validateEnvironment({}))).toBe(true);
    expect(graphqlIdeEnabled(validateEnvironment(prod))).toBe(false);
    expect(graphqlIdeEnabled(validateEnvironment({ ...prod, GRAPHQL_IDE: 'true' }))).toBe(true);
    expect(graphqlIdeEnabled(validateEnvironment({ GRAPHQL_IDE: 'false' }))).toBe(false);
    expect(() => validateEnvironment({ GRAPHQL_IDE: 'yes' })).toThrow(/GRAPHQL_IDE must be/);
  });

  it('accepts LOG_FORMAT auto, pretty or json only', () => {
    expect(validateEnvironment({}).LOG_FORMAT).toBe('auto');
    expect(validateEnvironment({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => validateEnvironment({ LOG_FORMAT: 'loud' })).toThrow(/LOG_FORMAT must be/);
  });
});
