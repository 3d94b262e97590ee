import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createUsers, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';
import { createFixture } from './support/fixtures';

describe('Idempotency-Key on creating POST routes', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    [alice, bob] = await createUsers(t.app, 2);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const post = (user: TestUser, key: string | undefined, body: object, url = '/api/posts') => {
    const req = t.http.post(url).auth(user.token, { type: 'bearer' });
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query(sql, params))[0].n);
  const postsBy = (user: TestUser) =>
    count('SELECT count(*) AS n FROM posts WHERE author_id = $1', [user.id]);

  it('replays the first response for the same key and body', async () => {
    const key = randomUUID();
    const first = await post(alice, key, { content: 'once' });
    const again = await post(alice, key, { content: 'once' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('SELECT count(*) AS n FROM posts WHERE content = $1', ['once'])).toBe(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const key = randomUUID();
    expect((await post(alice, key, { content: 'first body' })).status).toBe(201);
    const reuse = await post(alice, key, { content: 'second body' });
    expect(reuse.status).toBe(422);
    expect(reuse.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: [{ header: 'Idempotency-Key' }],
    });
    expect(await count('SELECT count(*) AS n FROM posts WHERE content = $1', ['second body'])).toBe(
      0,
    );
  });

  it('creates one post for 20 parallel requests with one key; all get its answer', async () => {
    const key = randomUUID();
    const before = await postsBy(bob);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(bob, key, { content: 'parallel' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await postsBy(bob)) - before).toBe(1);
  });

  it('casts one ballot for 20 parallel votes with one key (instead of 19 ALREADY_VOTED)', async () => {
    const fixture = await createFixture(t.app, alice);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(bob, key, { optionId: Number(fixture.option) }, `/api/polls/${fixture.poll}/vote`),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(
      await count('SELECT count(*) AS n FROM poll_voters WHERE poll_id = $1', [fixture.poll]),
    ).toBe(1);
  });

  it('registers one account for 20 parallel anonymous sign-ups with one key (scoped by IP)', async () => {
    const key = randomUUID();
    const body = {
      username: `idem_${key.slice(0, 8)}`,
      email: `${key.slice(0, 8)}@example.test`,
      password: 'long-enough-password',
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.post('/api/auth/register').set('Idempotency-Key', key).send(body),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.user.id)).size).toBe(1);
  });

  it('scopes keys per user', async () => {
    const key = randomUUID();
    const a = await post(alice, key, { content: 'scoped' });
    const b = await post(bob, key, { content: 'scoped' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('does not store failures: a retry after a 400 runs again', async () => {
    const key = randomUUID();
    expect((await post(alice, key, { content: '' })).status).toBe(400);
    expect((await post(alice, key, { content: 'fixed' })).status).toBe(201);
  });

  it('rejects a malformed key with 400 and works without one', async () => {
    const bad = await post(alice, 'x'.repeat(256), { content: 'k' });
    expect(bad.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'Idempotency-Key' }],
    });
    expect((await post(alice, undefined, { content: 'no key' })).status).toBe(201);
  });
});
