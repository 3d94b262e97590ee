import { createUser, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

describe('profiles', () => {
  let t: TestApp;
  let erin: TestUser;
  let frank: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    erin = await createUser(t.app);
    frank = await createUser(t.app);
  });
  afterAll(() => t.close());

  it("updates only the caller's own profile, over REST and GraphQL", async () => {
    const res = await t.http
      .patch('/api/users/me')
      .set('Authorization', `Bearer ${erin.token}`)
      .send({
        displayName: 'Erin',
        bio: "<script>alert(1)</script>'; DROP TABLE users; --",
        avatarUrl: 'https://img.example/e.png',
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: erin.id,
      displayName: 'Erin',
      bio: "<script>alert(1)</script>'; DROP TABLE users; --",
    });

    const viaGql = await gql(
      t.http,
      'mutation { updateProfile(input: { bio: "hi" }) { id bio displayName } }',
      undefined,
      frank.token,
    );
    expect(viaGql.data).toEqual({ updateProfile: { id: frank.id, bio: 'hi', displayName: null } });
    const erinAgain = await t.http.get(`/api/users/${erin.id}`);
    expect(erinAgain.body.bio).toContain('DROP TABLE');
  });

  it('hides email from other users but shows it to the owner', async () => {
    const other = await t.http
      .get(`/api/users/${erin.id}`)
      .set('Authorization', `Bearer ${frank.token}`);
    expect(other.body.email).toBeNull();
    expect(other.body.passwordHash).toBeUndefined();
    const own = await gql(
      t.http,
      `{ user(username: "${erin.username}") { email followersCount followingCount postsCount } }`,
      undefined,
      erin.token,
    );
    expect(own.data).toEqual({
      user: { email: erin.email, followersCount: 0, followingCount: 0, postsCount: 0 },
    });
  });

  it('rejects non-http avatar URLs and oversized bios with per-field 400s', async () => {
    const res = await t.http
      .patch('/api/users/me')
      .set('Authorization', `Bearer ${erin.token}`)
      .send({ avatarUrl: 'javascript:alert(1)', bio: 'x'.repeat(501) });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'avatarUrl',
      'bio',
    ]);
  });

  it('answers 404 for an unknown user and 400 for a non-numeric id', async () => {
    expect((await t.http.get('/api/users/999999')).status).toBe(404);
    const bad = await t.http.get('/api/users/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('requires a token for me and updateProfile', async () => {
    expect((await t.http.get('/api/users/me')).status).toBe(401);
    const res = await gql(t.http, 'mutation { updateProfile(input: { bio: "x" }) { id } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', statusCode: 401 });
  });
});
