import { readFileSync } from 'node:fs';
import { gql } from '../support/graphql';
import { secretIn } from '../support/log-secrets';
import { createTestApp, TestApp } from '../support/test-app';

// Every e2e file logs to its own LOG_FILE and global teardown scans them all; this file drives
// each flow that handles a secret at `debug`, then scans its own lines so a leak names its test.
describe('no secret in any log line', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.LOG_LEVEL = 'debug';
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs sign-up, login, refresh, logout, bad credentials and GraphQL auth without secrets', async () => {
    const account = {
      username: 'logscan',
      email: 'logscan@example.test',
      password: 'correct-horse-battery',
    };
    const reg = await t.http.post('/api/auth/register').send(account);
    expect(reg.status).toBe(201);
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'logscan', password: account.password });
    const { accessToken, refreshToken } = login.body;
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
    await t.http.get('/api/auth/me').set('Authorization', `JWT ${accessToken}x`);
    await t.http.post('/api/auth/login').send({ username: 'logscan', password: 'wrong-password' });
    const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken });
    await t.http.post('/api/auth/refresh').send({ refreshToken }); // reuse: revokes the family
    await gql(
      t.http,
      `mutation { login(input: { username: "logscan", password: "guess-guess" }) { accessToken } }`,
    );
    await gql(
      t.http,
      'mutation($p: String!) { createUser(username: "logscan2", email: "l2@example.test", password: $p) { user { id } } }',
      { p: 'correct-horse-battery' },
    );
    await gql(t.http, 'mutation { logout }', undefined, refreshed.body.accessToken);
    await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);

    const lines = readFileSync(process.env.LOG_FILE!, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10); // the requests above were logged at all
    const leaks = lines.map((line, i) => [i + 1, secretIn(line)]).filter(([, kind]) => kind);
    expect(leaks).toEqual([]);
    // The scanner would have seen them: the secrets were real and in play.
    expect(secretIn(JSON.stringify({ h: `Bearer ${accessToken}` }))).toBeDefined();
    expect(secretIn(refreshToken)).toBeDefined();
  });
});
