import { createPost, createUsers, TestUser } from '../support/factory';
import { gql, GqlResult } from '../support/graphql';
import { namedStatements } from '../support/statements';
import { createTestApp, TestApp } from '../support/test-app';

// allPosts, postById and feed read only the author's summary columns when a query selects
// nothing else of the author (requestedAuthorDepth), and the whole user as soon as any
// selection (alias, fragment, second `author`) asks for more.
describe('author depth of GraphQL post reads', () => {
  let t: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [author, reader] = await createUsers(t.app, 2);
    await t.http
      .patch('/api/users/me')
      .set('Authorization', `Bearer ${author.token}`)
      .send({ displayName: 'Author Name', bio: 'author bio', avatarUrl: 'https://e.x/a.png' })
      .expect(200);
    postId = await createPost(t.http, author, 'depth');
  });
  afterAll(() => t.close());

  const READERS = [
    {
      name: 'allPosts',
      query: (sel: string, fragments = '') => `{ allPosts(first: 5) { ${sel} } } ${fragments}`,
      posts: (data: Record<string, unknown>) => data.allPosts as Record<string, unknown>[],
      whole: ['posts.loaded_page'],
      summary: ['posts.details_page'],
    },
    {
      name: 'postById',
      query: (sel: string, fragments = '') =>
        `{ postById(id: "${postId}") { ${sel} } } ${fragments}`,
      posts: (data: Record<string, unknown>) => [data.postById as Record<string, unknown>],
      whole: ['posts.loaded'],
      summary: ['posts.details'],
    },
    {
      // The author's own feed holds their post (pulled or read from the timeline).
      name: 'feed',
      query: (sel: string, fragments = '') => `{ feed(first: 5) { ${sel} } } ${fragments}`,
      posts: (data: Record<string, unknown>) => data.feed as Record<string, unknown>[],
      whole: ['feed.pull_page', 'feed.hydrate_page'],
      summary: ['feed.details_pull_page', 'feed.details_hydrate_page'],
    },
  ];
  const READ_STATEMENTS = READERS.flatMap((r) => [...r.whole, ...r.summary]);

  /** The post's answer and which of the readers' statements served it. */
  const ask = async (reader: (typeof READERS)[number], sel: string, fragments?: string) => {
    let res: GqlResult | undefined;
    const names = await namedStatements(async () => {
      res = await gql(t.http, reader.query(sel, fragments), undefined, author.token);
    });
    expect(res!.errors).toBeUndefined();
    const post = reader.posts(res!.data!).find((p) => p.id === postId);
    expect(post).toBeDefined();
    return { post: post!, read: names.filter((n) => READ_STATEMENTS.includes(n)) };
  };

  it.each(READERS.map((r) => [r.name, r] as const))(
    '%s reads the summary columns when only summary fields are selected',
    async (_name, reader) => {
      const sel = `id a: author { id username } author { displayName ...S ... on User { __typename } }`;
      const { post, read } = await ask(reader, sel, 'fragment S on User { avatarUrl }');
      expect(read.length).toBeGreaterThan(0);
      expect(read.every((n) => reader.summary.includes(n))).toBe(true);
      expect(post).toEqual({
        id: postId,
        a: { id: author.id, username: author.username },
        author: { displayName: 'Author Name', avatarUrl: 'https://e.x/a.png', __typename: 'User' },
      });
    },
  );

  // Each selection asks for one field beyond the summary, in a different place of the query.
  const WIDER = [
    ['a direct field', 'id author { username followersCount }', ''],
    ['an alias', 'id author { username } w: author { followersCount }', ''],
    ['an inline fragment', 'id author { username ... on User { followersCount } }', ''],
    ['a named fragment', 'id author { username ...W }', 'fragment W on User { followersCount }'],
    [
      'a fragment on Post',
      'id author { username } ...P',
      'fragment P on Post { author { followersCount } }',
    ],
  ] as const;

  it.each(
    READERS.flatMap((r) => WIDER.map(([how, sel, fr]) => [r.name, how, r, sel, fr] as const)),
  )('%s reads the whole author when %s asks for more', async (_n, _how, reader, sel, fr) => {
    const { post, read } = await ask(reader, sel, fr);
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((n) => reader.whole.includes(n))).toBe(true);
    const authors = [post.author, post.w].filter(Boolean) as Record<string, unknown>[];
    expect(authors.some((a) => a.followersCount === 0)).toBe(true);
    expect(authors[0]).toMatchObject({ username: author.username });
  });

  it('keeps private fields private on the whole path and shows the viewer their own', async () => {
    const sel = 'id author { username email bio }';
    for (const r of READERS.filter((x) => x.name !== 'feed')) {
      const own = await ask(r, sel);
      expect(own.post.author).toEqual({
        username: author.username,
        email: author.email,
        bio: 'author bio',
      });
      const res = await gql(t.http, r.query(sel), undefined, reader.token);
      const seen = r.posts(res.data!).find((p) => p.id === postId);
      expect(seen?.author).toEqual({ username: author.username, email: null, bio: 'author bio' });
    }
  });
});
