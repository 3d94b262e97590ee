import { Client } from 'pg';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

describe('registration', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it("runs the brief's createUser mutation exactly as written", async () => {
    const res = await gql(
      t.http,
      'mutation { createUser(username: "alice", email: "alice@mail.com", password: "s3cret-pass") { user { id username email } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      createUser: {
        user: { id: expect.stringMatching(/^\d+$/), username: 'alice', email: 'alice@mail.com' },
      },
    });
    const row = await db.query('SELECT password_hash FROM users WHERE username = $1', ['alice']);
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('registers over REST with 201 and a session', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ username: 'bob_1', email: 'Bob@Mail.com', password: 'long-enough' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { username: 'bob_1', email: 'Bob@Mail.com', followersCount: 0, postsCount: 0 },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses duplicates case-insensitively with USERNAME_TAKEN and EMAIL_TAKEN on both doors', async () => {
    const name = await t.http
      .post('/api/auth/register')
      .send({ username: 'ALICE', email: 'other@mail.com', password: 'long-enough' });
    expect(name.status).toBe(409);
    expect(name.body.code).toBe('USERNAME_TAKEN');
    const email = await gql(
      t.http,
      'mutation { createUser(username: "carol", email: "ALICE@MAIL.COM", password: "long-enough") { user { id } } }',
    );
    expect(email.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', statusCode: 409 });
  });

  it('lets exactly one of 20 parallel identical registrations win, the rest 409, no 500', async () => {
    const body = { username: 'racer', email: 'racer@mail.com', password: 'long-enough' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post('/api/auth/register').send(body)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const count = await db.query(`SELECT count(*)::int AS n FROM users WHERE username = 'racer'`);
    expect(count.rows[0].n).toBe(1);
  });

  it('validates every field with per-field details', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ username: 'a b', email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'email',
      'password',
      'username',
    ]);

    const gqlRes = await gql(
      t.http,
      'mutation { createUser(username: "ab", email: "x@y.co", password: "long-enough") { user { id } } }',
    );
    expect(gqlRes.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      statusCode: 400,
      details: [
        {
          field: 'username',
          messages: ['username must be 3-30 characters of letters, digits and _'],
        },
      ],
    });
  });

  it('rejects unknown fields such as role', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ username: 'mallory', email: 'm@mail.com', password: 'long-enough', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'role', messages: ['property role should not exist'] },
    ]);
  });
});
