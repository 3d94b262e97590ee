import { createUser, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

const NUL = 'bad\u0000text';
const LONE = 'bad\uD800text';

describe('text hygiene (one check, both doors)', () => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t.app);
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) =>
    t.http
      .post(url)
      .auth(alice.token, { type: 'bearer' })
      .send(body as object);

  it.each([
    ['/api/posts', { content: NUL }, 'content'],
    ['/api/posts', { content: 'ok', title: LONE }, 'title'],
    ['/api/polls', { question: NUL, options: ['a', 'b'] }, 'question'],
    ['/api/polls', { question: 'q', options: ['a', LONE] }, 'options.1'],
    [
      '/api/auth/register',
      { username: 'zed_1', email: '\uD800', password: 'long-enough' },
      'email',
    ],
  ])('POST %s rejects unstorable text as 400 naming the field', async (url, body, field) => {
    const res = await post(url, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field, messages: [expect.any(String)] }]);
  });

  it('rejects unstorable text in a comment and in a query string', async () => {
    const created = await post('/api/posts', { content: 'hello' });
    const comment = await post(`/api/posts/${created.body.id}/comments`, { content: NUL });
    expect(comment.body).toMatchObject({ statusCode: 400, details: [{ field: 'content' }] });
    const list = await t.http.get('/api/posts').query({ after: LONE });
    expect(list.status).toBe(400);
  });

  it('rejects unstorable text in GraphQL literals and variables, naming the argument', async () => {
    const literal = await gql(
      t.http,
      'mutation { createPost(content: "a\\u0000b") { post { id } } }',
      undefined,
      alice.token,
    );
    expect(literal.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      statusCode: 400,
      details: [{ field: 'content' }],
    });
    const variables = await gql(
      t.http,
      'mutation($i: CreatePollInput!) { createPoll(input: $i) { id } }',
      { i: { question: LONE, options: ['a', 'b'] } },
      alice.token,
    );
    expect(variables.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'question' }],
    });
  });

  it('stores RTL, zero-width and astral text verbatim', async () => {
    const content = 'שלום \u202E\u200B 😀 e\u0301';
    const res = await post('/api/posts', { content });
    expect(res.status).toBe(201);
    expect((await t.http.get(`/api/posts/${res.body.id}`)).body.content).toBe(content);
  });

  it.each([
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
  ])('rejects JSON %s nested deeper than 32 levels with 400', async (_kind, make) => {
    for (const url of ['/api/posts', '/api/auth/login', '/graphql']) {
      const res = await t.http
        .post(url)
        .auth(alice.token, { type: 'bearer' })
        .set('content-type', 'application/json')
        .send(make(5000));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('VALIDATION_FAILED');
    }
    // 32 levels is still parsed and validated normally (an unknown field, not a depth error).
    const ok = await post('/api/posts', JSON.parse(make(31)));
    expect(ok.status).toBe(400);
    expect(ok.body.message).not.toMatch(/nested/);
  });
});
