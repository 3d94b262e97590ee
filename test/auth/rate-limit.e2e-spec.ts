import Redis from 'ioredis';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

// Strict limits for this file only; both instances share this file's Redis prefix.
process.env.AUTH_THROTTLE_LIMIT = '5';
process.env.THROTTLE_LIMIT = '200';

describe('rate limiting shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts logins for one account on two API instances against one limit', async () => {
    const attempt = (t: TestApp) =>
      t.http.post('/api/auth/login').send({ username: 'victim', password: 'guess-guess' });
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (const t of [a, b, a, b, a]) {
      const res = await attempt(t);
      statuses.push(res.status);
      remaining.push(res.headers['x-ratelimit-remaining-auth']);
      expect(res.headers['x-ratelimit-limit-auth']).toBe('5');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const blocked = await attempt(b);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    // Another account from the same address is still allowed.
    expect(
      (
        await a.http
          .post('/api/auth/login')
          .send({ username: 'someone_else', password: 'guess-guess' })
      ).status,
    ).toBe(401);
  });

  it('says RATE_LIMITED (not INTERNAL_SERVER_ERROR) to a throttled GraphQL request', async () => {
    const login = (t: TestApp) =>
      gql(
        t.http,
        'mutation { login(input: { username: "gqlvictim", password: "guess-guess" }) { accessToken } }',
      );
    for (const t of [a, b, a, b, a])
      expect((await login(t)).errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: [{ reason: 'INVALID_CREDENTIALS' }],
      });
    const blocked = await login(b);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', statusCode: 429 });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('applies to each route only the limits that route has, on every request', async () => {
    // Twice each: the guard works a route's checks out on its first request and reuses them.
    for (let i = 0; i < 2; i++) {
      const list = await a.http.get('/api/posts').expect(200);
      expect(list.headers['x-ratelimit-limit']).toBe(process.env.THROTTLE_LIMIT);
      expect(list.headers['x-ratelimit-limit-auth']).toBeUndefined();

      const login = await a.http
        .post('/api/auth/login')
        .send({ username: `route${i}`, password: 'guess-guess' });
      expect(login.headers['x-ratelimit-limit']).toBe(process.env.THROTTLE_LIMIT);
      expect(login.headers['x-ratelimit-limit-auth']).toBe('5');

      const live = await a.http.get('/health/live').expect(200);
      expect(live.headers['x-ratelimit-limit']).toBeUndefined();
    }
    // One budget per route and address, shared by the instances: b's first request already sees
    // the hits a has taken (a lease of leaseSize(limit), decision 88), a separate budget would not.
    const first = Number((await a.http.get('/api/posts')).headers['x-ratelimit-remaining']);
    const second = Number((await b.http.get('/api/posts')).headers['x-ratelimit-remaining']);
    expect(first).toBe(Number(process.env.THROTTLE_LIMIT) - 3);
    expect(second).toBeLessThan(first);
  });

  it('never lets parallel requests on two instances past the limit (leased hits, decision 88)', async () => {
    const limit = Number(process.env.THROTTLE_LIMIT); // leases of 4 hits
    // An unknown post: the guard counts the hit before the handler answers 404.
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).http.get('/api/posts/987654321')),
    );
    const passed = responses.filter((r) => r.status === 404).length;
    const refused = responses.filter((r) => r.status === 429);
    expect(passed + refused.length).toBe(300);
    expect(passed).toBeLessThanOrEqual(limit);
    // At most (lease − 1) hits per instance are refused early.
    expect(passed).toBeGreaterThanOrEqual(limit - 2 * 3);
    expect(refused[0].body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('names its Redis keys by hash: no address or account name in them', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const prefix = `${process.env.REDIS_PREFIX}throttle:`;
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys)
        expect(key.slice(prefix.length)).toMatch(/^\{[0-9a-f]{64}\}:(hits|blocked)$/);
    } finally {
      redis.disconnect();
    }
  });
});
