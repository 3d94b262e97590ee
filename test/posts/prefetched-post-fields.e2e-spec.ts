import { createPost, createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

// allPosts and postById read author and like state with the post and skip the field resolvers
// (prefetchedFieldsFastPath): the answers must still be per viewer, exactly as the resolvers'.
describe('prefetched post fields', () => {
  let t: TestApp;
  let author: TestUser;
  let liker: TestUser;
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [author, liker] = await createUsers(t.app, 2);
    postId = await createPost(t.http, author, 'prefetched');
    await t.http
      .post(`/api/posts/${postId}/like`)
      .set('Authorization', `Bearer ${liker.token}`)
      .expect((res) => expect(res.status).toBeLessThan(300));
    await t.http
      .post(`/api/posts/${postId}/comments`)
      .set('Authorization', `Bearer ${liker.token}`)
      .send({ content: 'first!' })
      .expect(201);
  });
  afterAll(() => t.close());

  const fields = `id viewerHasLiked author { id username email followersCount postsCount }
    comments(first: 3) { content createdAt author { username email createdAt } }`;
  const asViewer = async (token?: string) => {
    const list = await gql<{ allPosts: Record<string, unknown>[] }>(
      t.http,
      `{ allPosts(first: 5) { ${fields} } }`,
      undefined,
      token,
    );
    const one = await gql<{ postById: Record<string, unknown> }>(
      t.http,
      `query($id: ID!) { postById(id: $id) { ${fields} } }`,
      { id: postId },
      token,
    );
    expect(list.errors).toBeUndefined();
    expect(one.errors).toBeUndefined();
    const fromList = list.data!.allPosts.find((p) => p.id === postId);
    expect(fromList).toEqual(one.data!.postById);
    return one.data!.postById;
  };

  it('shows authors and commenters their own email and each viewer their like state', async () => {
    const authorView = {
      id: author.id,
      username: author.username,
      followersCount: 0,
      postsCount: 1,
    };
    const comment = (email: string | null) => [
      {
        content: 'first!',
        createdAt: expect.any(String),
        author: { username: liker.username, email, createdAt: expect.any(String) },
      },
    ];
    expect(await asViewer(author.token)).toEqual({
      id: postId,
      viewerHasLiked: false,
      author: { ...authorView, email: author.email },
      comments: comment(null),
    });
    expect(await asViewer(liker.token)).toEqual({
      id: postId,
      viewerHasLiked: true,
      author: { ...authorView, email: null },
      comments: comment(liker.email),
    });
    expect(await asViewer()).toEqual({
      id: postId,
      viewerHasLiked: false,
      author: { ...authorView, email: null },
      comments: comment(null),
    });
  });

  it('reads every commenter field alike from the page statement and the per-field reader', async () => {
    // Distinct values in every column, so a field read from the wrong position shows.
    await t.http
      .patch('/api/users/me')
      .set('Authorization', `Bearer ${liker.token}`)
      .send({
        displayName: 'Liker Name',
        bio: 'liker bio',
        avatarUrl: 'https://example.com/liker.png',
      })
      .expect(200);
    const commenter = `author { id username email displayName bio avatarUrl role followersCount
      followingCount postsCount createdAt updatedAt }`;
    const sel = `id comments(first: 3) { id content createdAt ${commenter} }`;
    const list = await gql<{ allPosts: { id: string }[] }>(
      t.http,
      `{ allPosts(first: 5) { ${sel} } }`,
      undefined,
      liker.token,
    );
    const one = await gql<{ postById: unknown }>(
      t.http,
      `query($id: ID!) { postById(id: $id) { ${sel} } }`,
      { id: postId },
      liker.token,
    );
    expect(list.data!.allPosts.find((p) => p.id === postId)).toEqual(one.data!.postById);
    expect(one.data!.postById).toMatchObject({
      comments: [
        {
          content: 'first!',
          author: {
            id: liker.id,
            email: liker.email,
            displayName: 'Liker Name',
            bio: 'liker bio',
            avatarUrl: 'https://example.com/liker.png',
            role: 'user',
            followersCount: 0,
            followingCount: 0,
            postsCount: 0,
          },
        },
      ],
    });
  });

  // allPosts answers `comments` through the parent's reader, `posts { data }` through Nest's
  // resolver: the same comments per alias, the same error for an invalid `first`.
  const PATHS = [
    { name: 'reader', query: (sel: string) => `{ allPosts(first: 5) { ${sel} } }` },
    { name: 'resolver', query: (sel: string) => `{ posts(first: 5) { data { ${sel} } } }` },
  ];
  const postsOf = (data: { allPosts?: unknown[]; posts?: { data: unknown[] } }) =>
    (data.allPosts ?? data.posts!.data) as { id: string }[];

  it('answers comments with arguments per alias on both paths', async () => {
    await t.http
      .post(`/api/posts/${postId}/comments`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ content: 'second' })
      .expect(201);
    for (const path of PATHS) {
      const sel = 'id one: comments(first: 1) { content } two: comments(first: 2) { content }';
      const res = await gql(t.http, path.query(sel), undefined, liker.token);
      expect(res.errors).toBeUndefined();
      expect(postsOf(res.data as never).find((p) => p.id === postId)).toEqual({
        id: postId,
        one: [{ content: 'first!' }],
        two: [{ content: 'first!' }, { content: 'second' }],
      });
    }
  });

  it('reads comments(first: $n) per request when one document is sent with different variables', async () => {
    const query = `query($n: Int!) { allPosts(first: 5) { id comments(first: $n) { content } } }`;
    for (const n of [1, 2, 1]) {
      const res = await gql<{ allPosts: { id: string; comments: unknown[] }[] }>(
        t.http,
        query,
        { n },
        liker.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.allPosts.find((p) => p.id === postId)?.comments).toHaveLength(n);
    }
  });

  it.each([0, 101])('rejects comments(first: %d) as every input is rejected', async (first) => {
    for (const path of PATHS) {
      const res = await gql(t.http, path.query(`id comments(first: ${first}) { id }`));
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        statusCode: 400,
      });
      expect(res.errors?.[0]?.message).toMatch(/first/);
    }
  });
});
