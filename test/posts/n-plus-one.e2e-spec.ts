import { countStatements } from '../support/statements';
import { createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

describe('no N+1 queries', () => {
  let t: TestApp;
  let viewer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    const users = await createUsers(t.app, 61);
    viewer = users.pop()!;
    // 60 posts by 60 authors, each with 3 comments by 3 other users.
    const db = await connectDatabase();
    try {
      const ids = users.map((u) => u.id);
      const posts = await db.query<{ id: string }>(
        `INSERT INTO posts (author_id, content) SELECT a, 'post by ' || a FROM unnest($1::bigint[]) a RETURNING id`,
        [ids],
      );
      const postIds = posts.rows.map((r) => r.id);
      await db.query(
        `INSERT INTO comments (post_id, author_id, content)
         SELECT p, ($2::bigint[])[1 + ((p + k) % array_length($2::bigint[], 1))], 'c'
         FROM unnest($1::bigint[]) p, generate_series(1, 3) k`,
        [postIds, ids],
      );
      await db.query(`UPDATE posts SET comment_count = 3 WHERE id = ANY($1::bigint[])`, [postIds]);
      await db.query(
        `INSERT INTO likes (post_id, user_id) SELECT p, $2 FROM unnest($1::bigint[]) p`,
        [postIds.slice(0, 10), viewer.id],
      );
    } finally {
      await db.end();
    }
  });
  afterAll(() => t.close());

  const query = `query($n: Int) { allPosts(first: $n) {
    id viewerHasLiked author { username } comments { content author { username } } } }`;

  it('reads a page of posts with authors, like state and comments in constant statements', async () => {
    let small: { allPosts: unknown[] } | undefined;
    let large: { allPosts: { author: unknown; comments: { author: unknown }[] }[] } | undefined;
    const few = await countStatements(async () => {
      small = (await gql<typeof small>(t.http, query, { n: 5 }, viewer.token)).data;
    });
    const many = await countStatements(async () => {
      large = (await gql<typeof large>(t.http, query, { n: 50 }, viewer.token)).data;
    });
    expect(small!.allPosts).toHaveLength(5);
    expect(large!.allPosts).toHaveLength(50);
    expect(large!.allPosts.every((p) => p.author && p.comments.length === 3)).toBe(true);
    expect(large!.allPosts.flatMap((p) => p.comments).every((c) => c.author)).toBe(true);
    // posts with their authors, like state and first comments with their authors: one statement.
    expect(many).toBe(few);
    expect(many).toBe(1);
  });

  it('reads comments asked with two different `first` values in one statement per value', async () => {
    const aliased = `query($n: Int) { allPosts(first: $n) {
      id one: comments(first: 1) { content } two: comments(first: 2) { author { username } } } }`;
    let page: { allPosts: { one: unknown[]; two: { author: unknown }[] }[] } | undefined;
    const few = await countStatements(async () => {
      await gql(t.http, aliased, { n: 5 }, viewer.token);
    });
    const many = await countStatements(async () => {
      page = (await gql<typeof page>(t.http, aliased, { n: 50 }, viewer.token)).data;
    });
    expect(page!.allPosts).toHaveLength(50);
    expect(page!.allPosts.every((p) => p.one.length === 1 && p.two.length === 2)).toBe(true);
    expect(page!.allPosts.flatMap((p) => p.two).every((c) => c.author)).toBe(true);
    // The page, then the comments once per `first`.
    expect(many).toBe(few);
    expect(many).toBe(3);
  });

  it('serves the REST list in constant statements too', async () => {
    const few = await countStatements(() =>
      t.http.get('/api/posts?first=5').set('Authorization', `Bearer ${viewer.token}`).expect(200),
    );
    const many = await countStatements(() =>
      t.http.get('/api/posts?first=50').set('Authorization', `Bearer ${viewer.token}`).expect(200),
    );
    // posts with their authors and like state: one statement.
    expect(many).toBe(few);
    expect(many).toBe(1);
  });
});
