import { createUser, createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

describe('posts', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [alice, bob] = await createUsers(t.app, 2);
    admin = await createUser(t.app, 'admin');
  });
  afterAll(() => t.close());

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const createPost = async (u: TestUser, body: Record<string, unknown> = { content: 'hello' }) => {
    const res = await t.http.post('/api/posts').set(auth(u)).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  it('shows the same author summary in the REST list, the REST post and GraphQL', async () => {
    const [writer] = await createUsers(t.app, 1);
    await t.http
      .patch('/api/users/me')
      .set(auth(writer))
      .send({ displayName: 'Writer W', avatarUrl: 'https://example.com/w.png', bio: 'not shown' })
      .expect(200);
    const { id } = await createPost(writer);
    const summary = {
      id: writer.id,
      username: writer.username,
      displayName: 'Writer W',
      avatarUrl: 'https://example.com/w.png',
    };
    const list = await t.http.get('/api/posts?first=5').expect(200);
    expect(list.body.data.find((p: { id: string }) => p.id === id).author).toEqual(summary);
    expect((await t.http.get(`/api/posts/${id}`).expect(200)).body.author).toEqual(summary);
    const one = await gql<{ postById: { author: unknown } }>(
      t.http,
      `{ postById(id: ${id}) { author { id username displayName avatarUrl } } }`,
    );
    expect(one.data!.postById.author).toEqual(summary);
  });

  it("runs the brief's createPost, allPosts and postById exactly as written", async () => {
    const created = await gql<{ createPost: { post: { id: string; content: string } } }>(
      t.http,
      'mutation { createPost(content: "Hello") { post { id content } } }',
      undefined,
      alice.token,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPost.post.id;
    expect(created.data!.createPost.post).toEqual({
      id: expect.stringMatching(/^\d+$/),
      content: 'Hello',
    });

    const all = await gql<{ allPosts: { id: string; author: { username: string } }[] }>(
      t.http,
      'query { allPosts { id content author { id username } } }',
    );
    expect(all.data!.allPosts).toContainEqual({
      id,
      content: 'Hello',
      author: { id: alice.id, username: alice.username },
    });

    await t.http
      .post(`/api/posts/${id}/comments`)
      .set(auth(bob))
      .send({ content: 'Nice' })
      .expect(201);
    const byId = await gql(
      t.http,
      `query { postById(id: ${id}) { id title content author { username } comments { id content author { username } } } }`,
    );
    expect(byId.data).toEqual({
      postById: {
        id,
        title: null,
        content: 'Hello',
        author: { username: alice.username },
        comments: [{ id: expect.any(String), content: 'Nice', author: { username: bob.username } }],
      },
    });
  });

  it('creates, reads, edits and soft-deletes over REST in the DESIGN shape', async () => {
    const post = await createPost(alice, {
      title: 'Launch',
      content: "<b>hi</b>'; DROP TABLE posts; --",
      mediaUrl: 'https://cdn.example/p.png',
    });
    const read = await t.http.get(`/api/posts/${post.id}`).set(auth(bob));
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: post.id,
      title: 'Launch',
      content: "<b>hi</b>'; DROP TABLE posts; --",
      mediaUrl: 'https://cdn.example/p.png',
      author: { id: alice.id, username: alice.username, displayName: null, avatarUrl: null },
      likeCount: 0,
      commentCount: 0,
      shareCount: 0,
      viewerHasLiked: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const edited = await t.http
      .patch(`/api/posts/${post.id}`)
      .set(auth(alice))
      .send({ content: 'edited', mediaUrl: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Launch', content: 'edited', mediaUrl: null });

    await t.http.delete(`/api/posts/${post.id}`).set(auth(alice)).expect(204);
    expect((await t.http.get(`/api/posts/${post.id}`)).status).toBe(404);
    expect((await t.http.delete(`/api/posts/${post.id}`).set(auth(alice))).status).toBe(404);
    const list = await t.http.get('/api/posts?first=100');
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(post.id);
    const gqlRead = await gql(t.http, `{ postById(id: "${post.id}") { id } }`);
    expect(gqlRead.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps postsCount in step with creates and deletes, even parallel deletes', async () => {
    const [carol] = await createUsers(t.app, 1);
    const posts = await Promise.all([1, 2, 3].map(() => createPost(carol)));
    const deletes = await Promise.all(
      Array.from({ length: 6 }, () => t.http.delete(`/api/posts/${posts[0].id}`).set(auth(carol))),
    );
    expect(deletes.filter((r) => r.status === 204)).toHaveLength(1);
    expect(deletes.filter((r) => r.status === 404)).toHaveLength(5);
    const profile = await t.http.get(`/api/users/${carol.id}`);
    expect(profile.body.postsCount).toBe(2);
  });

  it('lets only the author or an admin edit or delete, changing nothing otherwise', async () => {
    const post = await createPost(alice, { content: 'original' });
    const forbidden = await t.http
      .patch(`/api/posts/${post.id}`)
      .set(auth(bob))
      .send({ content: 'hacked' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const viaGql = await gql(
      t.http,
      'mutation($id: ID!) { updatePost(input: { postId: $id, content: "hacked" }) { id } }',
      { id: post.id },
      bob.token,
    );
    expect(viaGql.errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await t.http.delete(`/api/posts/${post.id}`).set(auth(bob))).status).toBe(403);
    expect((await t.http.get(`/api/posts/${post.id}`)).body.content).toBe('original');

    const byAdmin = await gql(
      t.http,
      'mutation($id: ID!) { updatePost(input: { postId: $id, title: "moderated" }) { title content } }',
      { id: post.id },
      admin.token,
    );
    expect(byAdmin.data).toEqual({ updatePost: { title: 'moderated', content: 'original' } });
    const deleted = await gql(
      t.http,
      'mutation($id: ID!) { deletePost(input: { postId: $id }) { id } }',
      { id: post.id },
      admin.token,
    );
    expect(deleted.data).toEqual({ deletePost: { id: post.id } });
  });

  it('rejects bad input with per-field 400s and writes nothing', async () => {
    const db = await connectDatabase();
    try {
      const count = async () =>
        Number((await db.query('SELECT count(*) FROM posts')).rows[0].count);
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{ content: '' }, 'content'],
        [{ content: '   ' }, 'content'],
        [{ content: 'x'.repeat(5001) }, 'content'],
        [{}, 'content'],
        [{ content: 'ok', title: 't'.repeat(201) }, 'title'],
        [{ content: 'ok', mediaUrl: 'javascript:alert(1)' }, 'mediaUrl'],
        [{ content: 'ok', mediaUrl: 'data:text/html;base64,PHNjcmlwdD4=' }, 'mediaUrl'],
        [{ content: 'ok', authorId: bob.id }, 'authorId'],
      ];
      for (const [body, field] of cases) {
        const res = await t.http.post('/api/posts').set(auth(alice)).send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const viaGql = await gql(
        t.http,
        'mutation { createPost(content: "") { post { id } } }',
        undefined,
        alice.token,
      );
      expect(viaGql.errors![0].extensions.code).toBe('VALIDATION_FAILED');
      const badMedia = await gql(
        t.http,
        'mutation { createPost(content: "ok", mediaUrl: "javascript:alert(1)") { post { id } } }',
        undefined,
        alice.token,
      );
      expect(badMedia.errors![0].extensions.details).toEqual([
        expect.objectContaining({ field: 'mediaUrl' }),
      ]);
      expect(await count()).toBe(before);
    } finally {
      await db.end();
    }
  });

  it("never shows another user's email, whichever resolver builds the request's user loader", async () => {
    await createPost(alice, { content: 'mine' });
    await t.http
      .post('/api/polls')
      .set(auth(alice))
      .send({ question: 'Lunch?', options: ['Pizza', 'Soup'] })
      .expect(201);
    // Poll and post authors share one per-request users loader, and which root field builds
    // it first varies from run to run: ask often enough to meet both orders.
    const query = '{ polls { data { author { id email } } } allPosts { author { id email } } }';
    for (let i = 0; i < 20; i++) {
      const res = await gql<{
        polls: { data: { author: { id: string; email: string | null } }[] };
        allPosts: { author: { id: string; email: string | null } }[];
      }>(t.http, query);
      expect(res.errors).toBeUndefined();
      const authors = [...res.data!.polls.data, ...res.data!.allPosts].map((x) => x.author);
      expect(authors.filter((a) => a.id === alice.id).length).toBeGreaterThan(1);
      expect(authors.every((a) => a.email === null)).toBe(true);
    }
  });

  it('answers 400 for malformed ids and 404 for unknown ones, never 500', async () => {
    expect((await t.http.get('/api/posts/abc')).status).toBe(400);
    expect((await t.http.get('/api/posts/1.5')).status).toBe(400);
    expect((await t.http.get('/api/posts/99999999999')).status).toBe(404);
    expect((await t.http.get('/api/users/99999999999/posts')).status).toBe(404);
    const gqlBad = await gql(t.http, '{ postById(id: "abc") { id } }');
    expect(gqlBad.errors![0].extensions.code).toBe('VALIDATION_FAILED');
    const gqlUnknown = await gql(t.http, '{ postById(id: 99999999999) { id } }');
    expect(gqlUnknown.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('requires a token to write', async () => {
    expect((await t.http.post('/api/posts').send({ content: 'x' })).status).toBe(401);
    const res = await gql(t.http, 'mutation { createPost(content: "x") { post { id } } }');
    expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('pages newest first with no duplicates or gaps while posts keep arriving', async () => {
    const [dave] = await createUsers(t.app, 1);
    for (let i = 0; i < 7; i++) await createPost(dave, { content: `p${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/users/${dave.id}/posts?first=3${after ? `&after=${after}` : ''}`;
      const res = await t.http.get(query);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { content: string }) => p.content));
      after = res.body.nextCursor;
      // A post arriving mid-walk lands before the first page, never inside later ones.
      await createPost(dave, { content: `late${pages++}` });
    } while (after);
    expect(seen).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);

    const page = await gql<{ posts: { data: { id: string }[]; nextCursor: string } }>(
      t.http,
      'query($a: ID) { posts(first: 2, authorId: $a) { data { id } nextCursor } }',
      { a: dave.id },
    );
    expect(page.data!.posts.data).toHaveLength(2);
    expect(page.data!.posts.nextCursor).toEqual(expect.any(String));
    expect((await t.http.get('/api/posts?first=101')).status).toBe(400);
    expect((await t.http.get('/api/posts?first=0')).status).toBe(400);
    expect((await t.http.get('/api/posts?after=not-a-cursor')).status).toBe(400);
  });
});
