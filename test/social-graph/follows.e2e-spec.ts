import { Client } from 'pg';
import { countStatements } from '../support/statements';
import { createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

describe('follows and blocks', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const counts = async (id: string) =>
    (
      await db.query<{ followers: number; following: number; rowsIn: number; rowsOut: number }>(
        `SELECT followers_count AS followers, following_count AS following,
           (SELECT count(*)::int FROM follows WHERE followee_id = $1) AS "rowsIn",
           (SELECT count(*)::int FROM follows WHERE follower_id = $1) AS "rowsOut"
         FROM users WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const follows = async (a: TestUser, b: TestUser) =>
    (
      await db.query('SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = $2', [
        a.id,
        b.id,
      ])
    ).rowCount === 1;

  it('follows idempotently over REST and GraphQL, moving both counters once', async () => {
    const [a, b] = await createUsers(t.app, 2);
    const first = await t.http.post(`/api/users/${b.id}/follow`).set(auth(a)).expect(200);
    expect(first.body).toMatchObject({ id: b.id, followersCount: 1, isFollowedByViewer: true });
    await t.http.post(`/api/users/${b.id}/follow`).set(auth(a)).expect(200);
    const again = await gql<{
      follow: { id: string; followersCount: number; isFollowedByViewer: boolean };
    }>(
      t.http,
      'mutation($id: ID!) { follow(input: { userId: $id }) { id followersCount isFollowedByViewer } }',
      { id: b.id },
      a.token,
      'JWT',
    );
    expect(again.data?.follow).toEqual({ id: b.id, followersCount: 1, isFollowedByViewer: true });
    expect(await counts(b.id)).toMatchObject({ followers: 1, rowsIn: 1 });
    expect(await counts(a.id)).toMatchObject({ following: 1, rowsOut: 1 });

    await t.http.delete(`/api/users/${b.id}/follow`).set(auth(a)).expect(204);
    await t.http.delete(`/api/users/${b.id}/follow`).set(auth(a)).expect(204);
    const gone = await gql<{ unfollow: { followersCount: number; isFollowedByViewer: boolean } }>(
      t.http,
      'mutation($id: ID!) { unfollow(input: { userId: $id }) { followersCount isFollowedByViewer } }',
      { id: b.id },
      a.token,
    );
    expect(gone.data?.unfollow).toEqual({ followersCount: 0, isFollowedByViewer: false });
    expect(await counts(b.id)).toMatchObject({ followers: 0, rowsIn: 0 });
    expect(await counts(a.id)).toMatchObject({ following: 0, rowsOut: 0 });
  });

  it('refuses self-follows (400), unknown users (404), bad ids (400) and anonymous callers (401)', async () => {
    const [a] = await createUsers(t.app, 1);
    const self = await t.http.post(`/api/users/${a.id}/follow`).set(auth(a)).expect(400);
    expect(self.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const selfGql = await gql(
      t.http,
      'mutation($id: ID!) { follow(input: { userId: $id }) { id } }',
      { id: a.id },
      a.token,
    );
    expect(selfGql.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    const missing = await t.http.post('/api/users/999999999/follow').set(auth(a)).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http.post('/api/users/abc/follow').set(auth(a)).expect(400);
    await t.http.post('/api/users/-1/block').set(auth(a)).expect(400);
    const anonymous = await t.http.post(`/api/users/${a.id}/follow`).expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const anonymousGql = await gql(t.http, 'mutation { follow(input: { userId: "1" }) { id } }');
    expect(anonymousGql.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await counts(a.id)).toMatchObject({ followers: 0, following: 0, rowsIn: 0, rowsOut: 0 });
  });

  it('keeps both counters equal to the rows under 100 parallel follows and unfollows', async () => {
    const [star, ...fans] = await createUsers(t.app, 51);
    // All of them lock the star's row, so on a loaded machine the last ones can wait past the
    // pool's acquire timeout: that is the documented 503 + Retry-After (nothing written), and a
    // client tries again, as this one does.
    const withRetries = async (send: () => Promise<{ status: number; headers: object }>) => {
      for (let attempt = 1; ; attempt++) {
        const res = await send();
        if (res.status !== 503 || attempt === 5) return res;
        const retryAfter = (res.headers as Record<string, string>)['retry-after'];
        expect(retryAfter).toMatch(/^\d+$/);
        await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000));
      }
    };
    // Every fan follows twice and unfollows once, all at the same time; order decides the end state.
    const requests = fans.flatMap((fan, i) => [
      withRetries(() => t.http.post(`/api/users/${star.id}/follow`).set(auth(fan))),
      i % 2 === 0
        ? withRetries(() => t.http.delete(`/api/users/${star.id}/follow`).set(auth(fan)))
        : withRetries(() => t.http.post(`/api/users/${star.id}/follow`).set(auth(fan))),
    ]);
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status >= 300 && r.status !== 204)).toEqual([]);
    const star2 = await counts(star.id);
    expect(star2.followers).toBe(star2.rowsIn);
    // Odd fans only followed: they all end up following.
    expect(star2.rowsIn).toBeGreaterThanOrEqual(25);
    for (const fan of fans) {
      const c = await counts(fan.id);
      expect(c.following).toBe(c.rowsOut);
    }
  });

  it('pages followers and following newest follow first with stable cursors', async () => {
    const [star, ...fans] = await createUsers(t.app, 6);
    for (const fan of fans) await t.http.post(`/api/users/${star.id}/follow`).set(auth(fan));
    await t.http.post(`/api/users/${fans[0].id}/follow`).set(auth(star)).expect(200);
    const page1 = await t.http.get(`/api/users/${star.id}/followers?first=3`).expect(200);
    expect(page1.body.data.map((u: { id: string }) => u.id)).toEqual(
      [fans[4], fans[3], fans[2]].map((u) => u.id),
    );
    // A follow between pages does not shift the next page.
    const [late] = await createUsers(t.app, 1);
    await t.http.post(`/api/users/${star.id}/follow`).set(auth(late)).expect(200);
    const page2 = await t.http
      .get(`/api/users/${star.id}/followers?first=3&after=${page1.body.nextCursor}`)
      .set(auth(fans[1]))
      .expect(200);
    expect(page2.body.data.map((u: { id: string }) => u.id)).toEqual([fans[1].id, fans[0].id]);
    expect(page2.body.nextCursor).toBeNull();
    // fans[1] follows star, not fans[0]; fans[0] is followed by star only.
    expect(
      page2.body.data.map((u: { isFollowedByViewer: boolean }) => u.isFollowedByViewer),
    ).toEqual([false, false]);

    const following = await gql<{
      following: { data: { id: string; isFollowedByViewer: boolean }[]; nextCursor: string | null };
    }>(
      t.http,
      'query($id: ID!) { following(userId: $id) { data { id isFollowedByViewer } nextCursor } }',
      { id: star.id },
      fans[2].token,
    );
    expect(following.data?.following).toEqual({
      data: [{ id: fans[0].id, isFollowedByViewer: false }],
      nextCursor: null,
    });
    await t.http.get('/api/users/999999999/followers').expect(404);
    await t.http.get(`/api/users/${star.id}/followers?first=101`).expect(400);
    await t.http.get(`/api/users/${star.id}/following?after=not-a-cursor`).expect(400);
  });

  it('resolves isFollowedByViewer for a whole list in constant statements', async () => {
    const [viewer, star, ...fans] = await createUsers(t.app, 42);
    await db.query(
      `INSERT INTO follows (follower_id, followee_id) SELECT f, $1 FROM unnest($2::bigint[]) f`,
      [star.id, fans.map((f) => f.id)],
    );
    await db.query(
      `INSERT INTO follows (follower_id, followee_id) SELECT $1, f FROM unnest($2::bigint[]) f`,
      [viewer.id, fans.slice(0, 10).map((f) => f.id)],
    );
    const query = `query($id: ID!, $n: Int) { followers(userId: $id, first: $n) {
      data { id username isFollowedByViewer followersCount } } }`;
    let result: { followers: { data: { isFollowedByViewer: boolean }[] } } | undefined;
    const few = await countStatements(async () => {
      result = (await gql<typeof result>(t.http, query, { id: star.id, n: 3 }, viewer.token)).data;
    });
    const many = await countStatements(async () => {
      result = (await gql<typeof result>(t.http, query, { id: star.id, n: 40 }, viewer.token)).data;
    });
    expect(result?.followers.data).toHaveLength(40);
    expect(result?.followers.data.filter((u) => u.isFollowedByViewer)).toHaveLength(10);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(4);
  });

  it('block removes follows both ways with counters, forbids new follows either way, and is idempotent', async () => {
    const [a, b] = await createUsers(t.app, 2);
    await t.http.post(`/api/users/${b.id}/follow`).set(auth(a)).expect(200);
    await t.http.post(`/api/users/${a.id}/follow`).set(auth(b)).expect(200);
    const blocked = await gql<{ block: { id: string; isFollowedByViewer: boolean } }>(
      t.http,
      'mutation($id: ID!) { block(input: { userId: $id }) { id isFollowedByViewer } }',
      { id: b.id },
      a.token,
    );
    expect(blocked.data?.block).toEqual({ id: b.id, isFollowedByViewer: false });
    await t.http.post(`/api/users/${b.id}/block`).set(auth(a)).expect(200);
    expect(await follows(a, b)).toBe(false);
    expect(await follows(b, a)).toBe(false);
    expect(await counts(a.id)).toMatchObject({ followers: 0, following: 0 });
    expect(await counts(b.id)).toMatchObject({ followers: 0, following: 0 });

    const ab = await t.http.post(`/api/users/${b.id}/follow`).set(auth(a)).expect(403);
    expect(ab.body.code).toBe('FORBIDDEN');
    const ba = await gql(
      t.http,
      'mutation($id: ID!) { follow(input: { userId: $id }) { id } }',
      { id: a.id },
      b.token,
    );
    expect(ba.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await counts(b.id)).toMatchObject({ followers: 0, following: 0 });

    await t.http.delete(`/api/users/${b.id}/block`).set(auth(a)).expect(204);
    await t.http.delete(`/api/users/${b.id}/block`).set(auth(a)).expect(204);
    await t.http.post(`/api/users/${a.id}/follow`).set(auth(b)).expect(200);
    expect(await follows(b, a)).toBe(true);
    await t.http.post(`/api/users/${a.id}/block`).set(auth(a)).expect(400);
    await t.http.post('/api/users/999999999/block').set(auth(a)).expect(404);
  });

  it('never leaves a follow beside a block when both race', async () => {
    const pairs = await Promise.all(Array.from({ length: 20 }, () => createUsers(t.app, 2)));
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [
        t.http.post(`/api/users/${b.id}/follow`).set(auth(a)),
        t.http.post(`/api/users/${a.id}/block`).set(auth(b)),
      ]),
    );
    // Each follow either committed first (then the block removed it) or met the block (403).
    expect(results.filter((r) => ![200, 403].includes(r.status)).map((r) => r.body)).toEqual([]);
    for (const [a, b] of pairs) {
      expect(await follows(a, b)).toBe(false);
      expect(await counts(b.id)).toMatchObject({ followers: 0, rowsIn: 0 });
      expect(await counts(a.id)).toMatchObject({ following: 0, rowsOut: 0 });
    }
  });
});
