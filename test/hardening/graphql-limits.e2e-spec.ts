import { getIntrospectionQuery } from 'graphql';
import { createUser, createUsers, TestUser } from '../support/factory';
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

  it("checks each reader's own feed document by its literals once the shape passed", async () => {
    const documentsValidated = async (validation: 'full' | 'shape') => {
      const metrics = (await t.http.get('/metrics').expect(200)).text;
      const line = new RegExp(
        `^graphql_documents_validated_total\\{validation="${validation}"\\} (\\d+)`,
        'm',
      );
      return Number(line.exec(metrics)?.[1] ?? 0);
    };
    // The brief's query inlines the user id: each reader sends a document never seen before.
    const feedOf = (u: TestUser, first: string) =>
      gql<{ feed: unknown[] }>(
        t.http,
        `query { feed(userId: ${u.id}, first: ${first}) { id content author { username } createdAt } }`,
        undefined,
        u.token,
      );
    const readers = await createUsers(t.app, 4);
    const before = {
      full: await documentsValidated('full'),
      shape: await documentsValidated('shape'),
    };
    for (const reader of readers) {
      const res = await feedOf(reader, '5');
      expect(res.errors).toBeUndefined();
      expect(res.data?.feed).toEqual([]);
    }
    expect(await documentsValidated('full')).toBe(before.full + 1);
    expect(await documentsValidated('shape')).toBe(before.shape + 3);

    // A literal of the right kind but out of range, in a known shape: the full validation's 400.
    const overflow = await feedOf(readers[0], '99999999999');
    expect(overflow.status).toBe(400);
    expect(overflow.data).toBeUndefined();
    expect(overflow.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(overflow.errors?.[0].message).toMatch(/Int cannot represent non 32-bit signed integer/);
    // Someone else's id passes validation (same shape, new text) and the resolver refuses it.
    const foreign = await gql(
      t.http,
      `query { feed(userId: ${readers[1].id}, first: 4) { id content author { username } createdAt } }`,
      undefined,
      readers[0].token,
    );
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await documentsValidated('shape')).toBe(before.shape + 4);
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
