import { getIntrospectionQuery } from 'graphql';
import { createUser, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { countStatements, waitForQuietDatabase } from '../support/statements';
import { createTestApp, TestApp } from '../support/test-app';

const aliasBomb = Array.from(
  { length: 200 },
  (_, i) => `a${i}: allPosts(first: 100) { comments(first: 50) { author { username } } }`,
).join('\n');

function nested(depth: number): string {
  // Post.comments → Comment.author → … has no cycle; `__typename` inside inline fragments does.
  let inner = 'id';
  for (let i = 0; i < depth; i++)
    inner = `... on Query { __typename q${i}: allPosts(first: 1) { id } ${inner} }`;
  return `{ ${inner} }`;
}

describe('GraphQL limits (defaults)', () => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t.app);
    for (let i = 0; i < 3; i++) {
      await gql(
        t.http,
        `mutation { createPost(content: "p${i}") { post { id } } }`,
        {},
        alice.token,
      );
    }
  });
  afterAll(() => t.close());

  async function rejected(query: string, variables?: Record<string, unknown>) {
    let res: Awaited<ReturnType<typeof gql>> | undefined;
    await waitForQuietDatabase();
    const statements = await countStatements(async () => {
      res = await gql(t.http, query, variables, alice.token);
    });
    expect(statements).toBe(0); // refused before any resolver, guard or loader touched SQL
    expect(res!.status).toBe(400);
    expect(res!.data).toBeUndefined();
    return res!.errors![0];
  }

  it('refuses the 200-alias bomb with QUERY_TOO_COMPLEX and no SQL', async () => {
    const error = await rejected(`{ ${aliasBomb} }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', statusCode: 400 });
    expect(error.message).toMatch(/limit of \d+/);
    // The same bomb small enough to pass the token, alias and root-field limits: cost stops it.
    const small = await rejected(`{ ${aliasBomb.split('\n').slice(0, 20).join(' ')} }`);
    expect(small.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(small.message).toMatch(/cost limit of 20000 exceeded/);
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    const error = await rejected(`{ me { ${aliases} } }`);
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).toMatch(/Aliases limit of 30/);
  });

  it('refuses a depth-50 query with QUERY_TOO_DEEP', async () => {
    const deep = await rejected(nested(50));
    expect(deep.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', statusCode: 400 });
    expect(deep.message).toMatch(/depth limit of 12/);
  });

  it('refuses `first: 100` lists nested inside each other by cost', async () => {
    const error = await rejected(
      'query($n: Int) { allPosts(first: $n) { comments(first: $n) { author { username } } } posts(first: $n) { data { comments(first: $n) { id } } } }',
      { n: 100 },
    );
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).toMatch(/cost limit of 20000 exceeded/);
  });

  it('prices the same document again for other variables (costs are cached per variables)', async () => {
    const query =
      'query($n: Int) { allPosts(first: $n) { comments(first: $n) { author { username } } } posts(first: $n) { data { comments(first: $n) { id } } } }';
    const cheap = await gql(t.http, query, { n: 2 }, alice.token);
    expect(cheap.status).toBe(200);
    expect(cheap.errors).toBeUndefined();
    const again = await gql(t.http, query, { n: 2 }, alice.token);
    expect(again.status).toBe(200);
    const dear = await rejected(query, { n: 100 });
    expect(dear.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect((await gql(t.http, query, { n: 2 }, alice.token)).status).toBe(200);
  });

  it('refuses too many root fields, directives and tokens', async () => {
    const roots = Array.from({ length: 21 }, (_, i) => `r${i}: me { id }`).join(' ');
    expect((await rejected(`{ ${roots} }`)).extensions.code).toBe('QUERY_TOO_COMPLEX');
    const directives = '@include(if: true) '.repeat(51);
    expect((await rejected(`{ me ${directives} { id } }`)).extensions.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    const tokens = `{ me { ${'id '.repeat(2100)} } }`;
    expect((await rejected(tokens)).extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers the full introspection query (exempt from depth and cost)', async () => {
    const res = await gql(t.http, getIntrospectionQuery({ descriptions: true }));
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('still runs the documented operations, including a 100-post page with authors', async () => {
    const operations = [
      'query { allPosts { id content author { id username } } }',
      'query { postById(id: 1) { id title content author { username } comments { id content author { username } } } }',
      'query { allPosts(first: 100) { id content author { username } createdAt } }',
      'query { allPosts(first: 50) { author { username } comments { author { username } } viewerHasLiked } }',
      'query { allPosts(first: 100) { id author { username } comments(first: 20) { id author { username } } } }',
      'query { polls(first: 100) { data { id question options { id text votesCount } author { id username } } nextCursor } }',
      `query { feed(userId: ${alice.id}) { id content author { username } createdAt } }`,
      `query { feed(userId: ${alice.id}, first: 100) { id content author { username } createdAt } }`,
      `query { followers(userId: ${alice.id}, first: 100) { data { id username isFollowedByViewer } nextCursor } }`,
    ];
    for (const query of operations) {
      const res = await gql(t.http, query, undefined, alice.token);
      expect(res.errors?.map((e) => e.extensions.code) ?? []).toEqual([]);
    }
  });
});
