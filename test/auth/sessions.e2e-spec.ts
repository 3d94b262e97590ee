import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('login, refresh rotation, logout and the JWT guard', () => {
  let t: TestApp;
  let db: Client;
  const dave = { username: 'dave', email: 'dave@mail.com', password: 'dave-password' };

  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
    expect((await t.http.post('/api/auth/register').send(dave)).status).toBe(201);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const login = (body: object) => t.http.post('/api/auth/login').send(body);
  const refresh = (refreshToken: string) => t.http.post('/api/auth/refresh').send({ refreshToken });

  it('logs in by username or email over REST and GraphQL', async () => {
    const byName = await login({ username: 'DAVE', password: dave.password });
    expect(byName.status).toBe(200);
    expect(byName.body.user.username).toBe('dave');
    const byEmail = await gql(
      t.http,
      'mutation($i: LoginInput!) { login(input: $i) { accessToken expiresIn user { email } } }',
      {
        i: { email: dave.email, password: dave.password },
      },
    );
    expect(byEmail.data).toEqual({
      login: { accessToken: expect.any(String), expiresIn: 900, user: { email: dave.email } },
    });
  });

  it('issues a 15-minute HS256 access token whose sub is the user id', async () => {
    const res = await login({ username: 'dave', password: dave.password });
    const claims = t.app.get(JwtService).decode(res.body.accessToken);
    expect(claims.sub).toBe(res.body.user.id);
    expect(claims.exp - claims.iat).toBe(900);
    expect(
      JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString()).alg,
    ).toBe('HS256');
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await login({ username: 'dave', password: 'not-the-password' });
    const unknown = await login({ username: 'nobody_here', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.code).toBe('UNAUTHENTICATED');
    expect(wrong.body.details).toEqual([{ reason: 'INVALID_CREDENTIALS' }]);
  });

  it('rotates refresh tokens and stores only their hashes', async () => {
    const first = (await login({ username: 'dave', password: dave.password })).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user.username).toBe('dave');
    const [id, secret] = first.refreshToken.split('.');
    const stored = await db.query(
      'SELECT token_hash, revoked_at, replaced_by_id FROM refresh_tokens WHERE id = $1',
      [id],
    );
    expect(stored.rows[0].revoked_at).not.toBeNull();
    expect(stored.rows[0].replaced_by_id).toBe(second.body.refreshToken.split('.')[0]);
    expect(stored.rows[0].token_hash.toString('utf8')).not.toContain(secret);
    const gqlNext = await gql(
      t.http,
      'mutation($i: RefreshTokenInput!) { refreshToken(input: $i) { refreshToken } }',
      {
        i: { refreshToken: second.body.refreshToken },
      },
    );
    expect(gqlNext.data?.refreshToken).toBeDefined();
  });

  it('revokes the whole family when a rotated token is reused', async () => {
    const first = (await login({ username: 'dave', password: dave.password })).body;
    const second = (await refresh(first.refreshToken)).body;
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('UNAUTHENTICATED');
    expect(reuse.body.details).toEqual([{ reason: 'INVALID_REFRESH_TOKEN' }]);
    // The legitimate holder's newer token is dead too: the thief and the victim both must log in again.
    expect((await refresh(second.refreshToken)).status).toBe(401);
    const family = await db.query(
      'SELECT count(*)::int AS live FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1) AND revoked_at IS NULL',
      [first.refreshToken.split('.')[0]],
    );
    expect(family.rows[0].live).toBe(0);
  });

  it('lets exactly one of 10 parallel refreshes with one token succeed', async () => {
    const first = (await login({ username: 'dave', password: dave.password })).body;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => refresh(first.refreshToken)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
    expect(results.some((r) => r.status >= 500)).toBe(false);
  });

  it('logout revokes the current family', async () => {
    const session = (await login({ username: 'dave', password: dave.password })).body;
    const out = await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${session.accessToken}`);
    expect(out.status).toBe(204);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it("accepts both Bearer and the brief's JWT scheme", async () => {
    const { accessToken } = (await login({ username: 'dave', password: dave.password })).body;
    for (const scheme of ['Bearer', 'JWT', 'jwt']) {
      const res = await t.http.get('/api/auth/me').set('Authorization', `${scheme} ${accessToken}`);
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('dave');
    }
    const viaGql = await gql(t.http, '{ me { username email } }', undefined, accessToken, 'JWT');
    expect(viaGql.data).toEqual({ me: { username: 'dave', email: dave.email } });
  });

  it('rejects missing, tampered, wrongly signed, expired and alg:none tokens with 401', async () => {
    const { accessToken, user } = (await login({ username: 'dave', password: dave.password })).body;
    const [header, payload, signature] = accessToken.split('.');
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user.id, username: 'dave', role: 'admin', fid: 'x', iat: now };
    const sign = (h: object, p: object, key: string) => {
      const data = `${b64(h)}.${b64(p)}`;
      return `${data}.${createHmac('sha256', key).update(data).digest('base64url')}`;
    };
    const secret = process.env.JWT_SECRET ?? 'nexus-development-secret-change-me-in-production';
    const bad = {
      none: '',
      tampered: `${header}.${b64({ ...claims, exp: now + 600 })}.${signature}`,
      wrongKey: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, exp: now + 600 },
        'another-secret-another-secret-another',
      ),
      expired: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iat: now - 1000, exp: now - 100 },
        secret,
      ),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now + 600 })}.`,
    };
    expect(payload).toBeTruthy();
    for (const [name, token] of Object.entries(bad)) {
      const req = t.http.get('/api/users/me');
      if (token) req.set('Authorization', `Bearer ${token}`);
      const res = await req;
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    const gqlRes = await gql(t.http, '{ me { id } }', undefined, bad.expired);
    expect(gqlRes.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      statusCode: 401,
    });
    expect(gqlRes.errors?.[0].message).toBe('Access token expired');
  });
});
