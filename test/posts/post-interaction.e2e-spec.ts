import { postInteractionTopic } from '@nexus/posts';
import { createUsers, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { subscribe, waitForListener } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';

interface Interaction {
  postInteraction: {
    type: string;
    post: { id: string; likeCount: number; commentCount: number; shareCount: number };
  };
}

const SUBSCRIPTION = `subscription($id: ID!) {
  postInteraction(postId: $id) { type post { id likeCount commentCount shareCount } } }`;

describe('postInteraction subscription across API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let author: TestUser;
  let fan: TestUser;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    [author, fan] = await createUsers(a.app, 2);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('delivers interactions made through instance B to a client on instance A', async () => {
    const postId = (
      await b.http
        .post('/api/posts')
        .set('Authorization', `Bearer ${author.token}`)
        .send({ content: 'live' })
        .expect(201)
    ).body.id as string;
    const sub = subscribe<Interaction>(a.url, SUBSCRIPTION, { id: postId });
    try {
      await waitForListener(postInteractionTopic(postId));
      const fanAuth = { Authorization: `Bearer ${fan.token}` };
      const toggle = () =>
        gql(b.http, `mutation { toggleLike(postId: ${postId}) { liked } }`, undefined, fan.token);

      await toggle();
      expect((await sub.next()).postInteraction).toEqual({
        type: 'LIKE',
        post: { id: postId, likeCount: 1, commentCount: 0, shareCount: 0 },
      });
      await b.http.post(`/api/posts/${postId}/comments`).set(fanAuth).send({ content: 'hi' });
      expect((await sub.next()).postInteraction).toMatchObject({
        type: 'COMMENT',
        post: { commentCount: 1 },
      });
      await b.http.post(`/api/posts/${postId}/share`).set(fanAuth);
      expect((await sub.next()).postInteraction).toMatchObject({
        type: 'SHARE',
        post: { likeCount: 1, commentCount: 1, shareCount: 1 },
      });
      await toggle();
      expect((await sub.next()).postInteraction).toMatchObject({
        type: 'UNLIKE',
        post: { likeCount: 0 },
      });
      // A repeated share changes nothing, so nothing is pushed.
      await b.http.post(`/api/posts/${postId}/share`).set(fanAuth);
      await expect(sub.next(500)).rejects.toThrow('no subscription event in time');
    } finally {
      await sub.close();
    }
  });

  it('resolves nested fields of pushed posts and refuses unknown posts', async () => {
    const postId = (
      await a.http
        .post('/api/posts')
        .set('Authorization', `Bearer ${author.token}`)
        .send({ content: 'nested' })
        .expect(201)
    ).body.id as string;
    const sub = subscribe<{ postInteraction: { post: { author: { username: string } } } }>(
      b.url,
      `subscription($id: ID!) { postInteraction(postId: $id) { post { author { username } } } }`,
      { id: postId },
      fan.token,
    );
    try {
      await waitForListener(postInteractionTopic(postId));
      await a.http.post(`/api/posts/${postId}/like`).set('Authorization', `Bearer ${fan.token}`);
      expect((await sub.next()).postInteraction.post.author.username).toBe(author.username);
    } finally {
      await sub.close();
    }

    const unknown = subscribe(a.url, SUBSCRIPTION, { id: '99999999' });
    await expect(unknown.next()).rejects.toThrow('NOT_FOUND');
    await unknown.close();
  });

  it('reads related data afresh for each event of a long-lived subscription', async () => {
    const postId = (
      await a.http
        .post('/api/posts')
        .set('Authorization', `Bearer ${author.token}`)
        .send({ content: 'thread' })
        .expect(201)
    ).body.id as string;
    const sub = subscribe<{
      postInteraction: { post: { comments: { content: string }[] } };
    }>(
      a.url,
      `subscription($id: ID!) { postInteraction(postId: $id) {
         post { comments(first: 5) { content } } } }`,
      { id: postId },
    );
    try {
      await waitForListener(postInteractionTopic(postId));
      const comment = (content: string) =>
        a.http
          .post(`/api/posts/${postId}/comments`)
          .set('Authorization', `Bearer ${fan.token}`)
          .send({ content })
          .expect(201);
      await comment('first');
      expect((await sub.next()).postInteraction.post.comments).toEqual([{ content: 'first' }]);
      // The second event must not be answered from the first event's loaders.
      await comment('second');
      const contents = (await sub.next()).postInteraction.post.comments.map((c) => c.content);
      expect(contents.sort()).toEqual(['first', 'second']);
    } finally {
      await sub.close();
    }
  });
});
