import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import { notifyJobId } from '@nexus/notifications';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createPost, createUser, createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

describe('likes, shares and comments', () => {
  let t: TestApp;
  let db: Client;
  let author: TestUser;
  let fan: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
    [author, fan] = await createUsers(t.app, 2);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const newPost = (u: TestUser = author) => createPost(t.http, u, 'post');
  const rows = async (sql: string, postId: string) =>
    Number((await db.query(sql, [postId])).rows[0].count);
  const counters = async (postId: string) =>
    (await t.http.get(`/api/posts/${postId}`)).body as {
      likeCount: number;
      commentCount: number;
      shareCount: number;
    };

  it('keeps likeCount equal to the likes rows under 200 parallel toggles from 100 users', async () => {
    const postId = await newPost();
    const users = await createUsers(t.app, 100);
    // Users toggle 1, 2 or 3 times (200 toggles in all): odd counts end liked.
    const toggles = users.map((_, i) => (i % 3) + 1 + (i === 99 ? 1 : 0));
    expect(toggles.reduce((a, b) => a + b, 0)).toBe(200);
    const requests = users.flatMap((u, i) =>
      Array.from({ length: toggles[i] }, () =>
        gql<{ toggleLike: { liked: boolean } }>(
          t.http,
          'mutation($id: ID!) { toggleLike(postId: $id) { liked post { id content } } }',
          { id: postId },
          u.token,
        ),
      ),
    );
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.errors)).toEqual([]);

    const expectedLikers = users
      .filter((_, i) => toggles[i] % 2 === 1)
      .map((u) => u.id)
      .sort();
    const likers = (
      await db.query('SELECT user_id FROM likes WHERE post_id = $1 ORDER BY user_id', [postId])
    ).rows.map((r: { user_id: string }) => r.user_id);
    expect(likers.sort()).toEqual(expectedLikers);
    expect((await counters(postId)).likeCount).toBe(expectedLikers.length);
  });

  it("runs the brief's toggleLike as written and reports viewerHasLiked per viewer", async () => {
    const postId = await newPost();
    const res = await gql(
      t.http,
      `mutation { toggleLike(postId: ${postId}) { liked post { id content } } }`,
      undefined,
      fan.token,
    );
    expect(res.data).toEqual({
      toggleLike: { liked: true, post: { id: postId, content: 'post' } },
    });
    const query = `{ postById(id: ${postId}) { likeCount viewerHasLiked } }`;
    expect((await gql(t.http, query, undefined, fan.token)).data).toEqual({
      postById: { likeCount: 1, viewerHasLiked: true },
    });
    expect((await gql(t.http, query, undefined, author.token)).data).toEqual({
      postById: { likeCount: 1, viewerHasLiked: false },
    });
    expect((await gql(t.http, query)).data).toEqual({
      postById: { likeCount: 1, viewerHasLiked: false },
    });
  });

  it('makes REST like and unlike idempotent, even in parallel', async () => {
    const postId = await newPost();
    const likes = await Promise.all(
      Array.from({ length: 10 }, () => t.http.post(`/api/posts/${postId}/like`).set(auth(fan))),
    );
    expect(likes.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(likes[0].body).toMatchObject({
      liked: true,
      post: { id: postId, viewerHasLiked: true },
    });
    expect(await rows('SELECT count(*) FROM likes WHERE post_id = $1', postId)).toBe(1);
    expect((await counters(postId)).likeCount).toBe(1);

    const unlikes = await Promise.all(
      Array.from({ length: 10 }, () => t.http.delete(`/api/posts/${postId}/like`).set(auth(fan))),
    );
    expect(unlikes.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await rows('SELECT count(*) FROM likes WHERE post_id = $1', postId)).toBe(0);
    expect((await counters(postId)).likeCount).toBe(0);
  });

  it('allows one share per user: 201 once, then 200 with the same share', async () => {
    const postId = await newPost();
    const shares = await Promise.all(
      Array.from({ length: 8 }, () => t.http.post(`/api/posts/${postId}/share`).set(auth(fan))),
    );
    expect(shares.filter((r) => r.status === 201)).toHaveLength(1);
    expect(shares.filter((r) => r.status === 200)).toHaveLength(7);
    expect(new Set(shares.map((r) => r.body.share.id)).size).toBe(1);
    expect(shares[0].body.post).toMatchObject({ id: postId, shareCount: 1 });

    const viaGql = await gql(
      t.http,
      'mutation($id: ID!) { sharePost(input: { postId: $id }) { created share { id postId userId } post { shareCount } } }',
      { id: postId },
      author.token,
    );
    expect(viaGql.data).toEqual({
      sharePost: {
        created: true,
        share: { id: expect.any(String), postId, userId: author.id },
        post: { shareCount: 2 },
      },
    });
    expect(await rows('SELECT count(*) FROM shares WHERE post_id = $1', postId)).toBe(2);
  });

  it('adds comments in parallel with an exact commentCount and lists them oldest first', async () => {
    const postId = await newPost();
    const commenters = await createUsers(t.app, 30);
    await Promise.all(
      commenters.map((u, i) =>
        t.http
          .post(`/api/posts/${postId}/comments`)
          .set(auth(u))
          .send({ content: `c${i}` })
          .expect(201),
      ),
    );
    expect((await counters(postId)).commentCount).toBe(30);
    expect(await rows('SELECT count(*) FROM comments WHERE post_id = $1', postId)).toBe(30);

    const ids: string[] = [];
    let after: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; nextCursor: string | null } } = await t.http.get(
        `/api/posts/${postId}/comments?first=7${after ? `&after=${after}` : ''}`,
      );
      ids.push(...res.body.data.map((c) => c.id));
      after = res.body.nextCursor;
    } while (after);
    expect(ids).toHaveLength(30);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(ids);

    const page = await gql<{ comments: { data: { author: { username: string } }[] } }>(
      t.http,
      'query($id: ID!) { comments(postId: $id, first: 2) { data { content author { username } } nextCursor } }',
      { id: postId },
    );
    expect(page.data!.comments.data).toHaveLength(2);
  });

  it('lets the comment author, the post author or an admin delete a comment', async () => {
    const postId = await newPost();
    const [stranger] = await createUsers(t.app, 1);
    const admin = await createUser(t.app, 'admin');
    const add = async () =>
      (
        await gql<{ addComment: { id: string } }>(
          t.http,
          'mutation($id: ID!) { addComment(input: { postId: $id, content: "hi" }) { id content author { username } } }',
          { id: postId },
          fan.token,
        )
      ).data!.addComment.id;
    const [c1, c2, c3] = [await add(), await add(), await add()];
    expect((await counters(postId)).commentCount).toBe(3);

    const denied = await t.http.delete(`/api/comments/${c1}`).set(auth(stranger));
    expect(denied.status).toBe(403);
    expect((await counters(postId)).commentCount).toBe(3);

    await t.http.delete(`/api/comments/${c1}`).set(auth(fan)).expect(204);
    await t.http.delete(`/api/comments/${c2}`).set(auth(author)).expect(204);
    const byAdmin = await gql(
      t.http,
      'mutation($id: ID!) { deleteComment(input: { commentId: $id }) { id } }',
      { id: c3 },
      admin.token,
    );
    expect(byAdmin.data).toEqual({ deleteComment: { id: c3 } });
    expect((await t.http.delete(`/api/comments/${c3}`).set(auth(fan))).status).toBe(404);
    expect((await counters(postId)).commentCount).toBe(0);
  });

  it('refuses interactions with deleted posts and bad comment bodies', async () => {
    const postId = await newPost();
    const blank = await t.http
      .post(`/api/posts/${postId}/comments`)
      .set(auth(fan))
      .send({ content: ' ' });
    expect(blank.status).toBe(400);
    await t.http.delete(`/api/posts/${postId}`).set(auth(author)).expect(204);
    for (const res of [
      await t.http.post(`/api/posts/${postId}/like`).set(auth(fan)),
      await t.http.post(`/api/posts/${postId}/share`).set(auth(fan)),
      await t.http.post(`/api/posts/${postId}/comments`).set(auth(fan)).send({ content: 'x' }),
      await t.http.get(`/api/posts/${postId}/comments`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const toggle = await gql(
      t.http,
      `mutation { toggleLike(postId: ${postId}) { liked } }`,
      undefined,
      fan.token,
    );
    expect(toggle.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('enqueues notification and analytics jobs with deterministic ids', async () => {
    const postId = await newPost();
    const notifications = t.app.get<Queue>(getQueueToken(QUEUES.notifications));
    const analytics = t.app.get<Queue>(getQueueToken(QUEUES.analytics));

    await t.http.post(`/api/posts/${postId}/like`).set(auth(fan)).expect(200);
    const likeJobId = notifyJobId({
      type: 'POST_LIKED',
      recipientId: author.id,
      actorId: fan.id,
      postId,
    });
    const likeJob = await notifications.getJob(likeJobId);
    expect(likeJob?.data).toEqual({
      type: 'POST_LIKED',
      recipientId: author.id,
      actorId: fan.id,
      postId,
    });

    const comment = (
      await t.http.post(`/api/posts/${postId}/comments`).set(auth(fan)).send({ content: 'hey' })
    ).body;
    const commentJob = await notifications.getJob(
      notifyJobId({
        type: 'POST_COMMENTED',
        recipientId: author.id,
        actorId: fan.id,
        postId,
        commentId: comment.id,
      }),
    );
    expect(commentJob?.data.commentId).toBe(comment.id);

    // Liking your own post notifies nobody.
    await t.http.post(`/api/posts/${postId}/like`).set(auth(author)).expect(200);
    const own = await notifications.getJob(
      notifyJobId({ type: 'POST_LIKED', recipientId: author.id, actorId: author.id, postId }),
    );
    expect(own).toBeUndefined();

    const events = (await analytics.getJobs(['waiting', 'delayed', 'completed', 'active']))
      .filter((j) => j.data.postId === postId)
      .map((j) => j.data.type)
      .sort();
    expect(events).toEqual(['post.commented', 'post.created', 'post.liked', 'post.liked']);
  });
});
