import { createUser, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

// DESIGN §4: `details` is always an array of objects and every 401 is UNAUTHENTICATED.
describe('one error shape', () => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t.app);
  });
  afterAll(() => t.close());

  it('gives not found details as [{ resource, id }] on both doors', async () => {
    const rest = await t.http.get('/api/posts/987654321');
    expect(rest.status).toBe(404);
    expect(rest.body.details).toEqual([{ resource: 'Post', id: '987654321' }]);
    const graph = await gql(t.http, '{ postById(id: 987654321) { id } }');
    expect(graph.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      details: [{ resource: 'Post', id: '987654321' }],
    });
  });

  it('gives conflict details as an array ([{ pollId }])', async () => {
    const poll = await t.http
      .post('/api/polls')
      .auth(alice.token, { type: 'bearer' })
      .send({ question: 'Tea?', options: ['yes', 'no'] });
    const optionId = poll.body.options[0].id;
    const vote = () =>
      t.http
        .post(`/api/polls/${poll.body.id}/vote`)
        .auth(alice.token, { type: 'bearer' })
        .send({ optionId });
    expect((await vote()).status).toBe(200);
    const again = await vote();
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ALREADY_VOTED',
      details: [{ pollId: poll.body.id }],
    });
  });

  it.each([
    ['no token', undefined, 'MISSING_TOKEN'],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bad', 'INVALID_ACCESS_TOKEN'],
  ])('answers 401 UNAUTHENTICATED with a reason for %s', async (_name, token, reason) => {
    const req = t.http.get('/api/auth/me');
    if (token) req.auth(token, { type: 'bearer' });
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', details: [{ reason }] });
  });

  it('answers a wrong password and a dead refresh token with UNAUTHENTICATED too', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: alice.username, password: 'wrong-password' });
    expect(login.body).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      details: [{ reason: 'INVALID_CREDENTIALS' }],
    });
    const refresh = await gql(
      t.http,
      'mutation { refreshToken(input: { refreshToken: "nope" }) { accessToken } }',
    );
    expect(refresh.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      statusCode: 401,
      details: [{ reason: 'INVALID_REFRESH_TOKEN' }],
    });
  });
});
