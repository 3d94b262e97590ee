import { sign } from 'jsonwebtoken';
import { createUser, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';

const OLD = 'old-secret-old-secret-old-secret-0001';
const NEW = 'new-secret-new-secret-new-secret-0002';

/** Boots an app with the given key settings (read once at start, like a deploy). */
async function appWith(env: Record<string, string>): Promise<TestApp> {
  Object.assign(process.env, env);
  try {
    return await createTestApp();
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
}

describe('JWT key rotation by kid', () => {
  let before: TestApp;
  let during: TestApp;
  let after: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    before = await appWith({ JWT_SECRET: OLD, JWT_KEY_ID: 'k1' });
    alice = await createUser(before.app); // token signed by the old key, kid k1
    // Passport keeps one 'jwt' strategy per process: the app booted last verifies for all, so
    // each phase boots its app just before its checks (`after` in its own test, last).
    during = await appWith({ JWT_SECRET: NEW, JWT_KEY_ID: 'k2', JWT_PREVIOUS_KEYS: `k1:${OLD}` });
  });
  afterAll(async () => {
    await Promise.all([before, during, after].map((t) => t?.close()));
  });

  const me = (t: TestApp, token: string) =>
    t.http.get('/api/auth/me').auth(token, { type: 'bearer' });
  const kidOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;

  it('signs with the current kid', async () => {
    expect(kidOf(alice.token)).toBe('k1');
    const login = await during.http
      .post('/api/auth/login')
      .send({ username: alice.username, password: alice.password });
    expect(kidOf(login.body.accessToken)).toBe('k2');
    expect((await me(during, login.body.accessToken)).status).toBe(200);
  });

  it('keeps verifying tokens of the previous key during the rotation', async () => {
    expect((await me(during, alice.token)).status).toBe(200);
  });

  it('pins the secret to the kid: a forged kid or an unknown one is refused', async () => {
    const claims = { sub: alice.id, username: alice.username, role: 'admin', fid: 'f' };
    const wrongPair = sign(claims, NEW, { algorithm: 'HS256', keyid: 'k1', expiresIn: 60 });
    const unknown = sign(claims, NEW, { algorithm: 'HS256', keyid: 'k9', expiresIn: 60 });
    expect((await me(during, wrongPair)).status).toBe(401);
    expect((await me(during, unknown)).status).toBe(401);
  });

  it('refuses them once the previous key is dropped', async () => {
    after = await appWith({ JWT_SECRET: NEW, JWT_KEY_ID: 'k2' });
    const res = await me(after, alice.token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: [{ reason: 'INVALID_ACCESS_TOKEN' }],
    });
  });
});
