import { pollUpdatedTopic } from '@nexus/polls';
import { createUser, createUsers, TestUser } from '../support/factory';
import { Subscription, subscribe, waitForListener } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';
import { createPoll } from './poll-factory';

interface PollMessage {
  votesCount: number | null;
  votersCount: number | null;
  status: string;
  options: { votesCount: number | null }[];
}

const SUBSCRIPTION = `subscription($id: ID!) {
  pollUpdated(pollId: $id) { status votesCount votersCount options { votesCount } } }`;

describe('live results across two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let author: TestUser;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    author = await createUser(a.app);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** Subscribes on `app` and returns once Redis confirms the subscription is live. */
  async function listen(app: TestApp, pollId: string, token?: string) {
    const sub: Subscription<{ pollUpdated: PollMessage }> = subscribe(
      app.url,
      SUBSCRIPTION,
      { id: pollId },
      token,
    );
    await waitForListener(pollUpdatedTopic(pollId));
    return sub;
  }

  /** Reads messages until one matches `done`; returns how many were read. */
  async function readUntil(
    sub: Subscription<{ pollUpdated: PollMessage }>,
    done: (m: PollMessage) => boolean,
  ): Promise<{ count: number; last: PollMessage }> {
    for (let count = 1; ; count++) {
      const last = (await sub.next(10_000)).pollUpdated;
      if (done(last)) return { count, last };
    }
  }

  it('pushes a vote made on instance B to a subscriber on instance A', async () => {
    const poll = await createPoll(a.http, author);
    const sub = await listen(a, poll.id, author.token);
    try {
      const [voter] = await createUsers(b.app, 1);
      const res = await b.http
        .post(`/api/polls/${poll.id}/vote`)
        .set('Authorization', `Bearer ${voter.token}`)
        .send({ optionId: poll.optionIds[1] });
      expect(res.status).toBe(200);
      expect((await sub.next(10_000)).pollUpdated).toEqual({
        status: 'ACTIVE',
        votesCount: 1,
        votersCount: 1,
        options: [{ votesCount: 0 }, { votesCount: 1 }, { votesCount: 0 }],
      });
    } finally {
      await sub.close();
    }
  });

  it('coalesces a burst of 50 votes on both instances into a few messages ending with the totals', async () => {
    const poll = await createPoll(a.http, author);
    const sub = await listen(a, poll.id, author.token);
    try {
      const voters = await createUsers(a.app, 50);
      const results = await Promise.all(
        voters.map((v, i) =>
          (i % 2 ? a : b).http
            .post(`/api/polls/${poll.id}/vote`)
            .set('Authorization', `Bearer ${v.token}`)
            .send({ optionId: poll.optionIds[i % 3] }),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      const { count, last } = await readUntil(sub, (m) => m.votersCount === 50);
      expect(last).toMatchObject({ votesCount: 50, votersCount: 50 });
      expect(last.options.map((o) => o.votesCount)).toEqual([17, 17, 16]);
      expect(count).toBeLessThan(15);
      // No later message may undo the final totals.
      const later = await sub.next(600).catch(() => undefined);
      if (later) expect(later.pollUpdated).toMatchObject({ votesCount: 50, votersCount: 50 });
    } finally {
      await sub.close();
    }
  });

  it('pushes the close, and hides totals from other subscribers until then', async () => {
    const poll = await createPoll(a.http, author, { hideTotals: true });
    const [viewer] = await createUsers(a.app, 1);
    const sub = await listen(b, poll.id);
    try {
      await a.http
        .post(`/api/polls/${poll.id}/vote`)
        .set('Authorization', `Bearer ${viewer.token}`)
        .send({ optionId: poll.optionIds[0] });
      expect((await sub.next(10_000)).pollUpdated).toMatchObject({
        status: 'ACTIVE',
        votesCount: null,
      });
      await b.http
        .post(`/api/polls/${poll.id}/close`)
        .set('Authorization', `Bearer ${author.token}`);
      const { last } = await readUntil(sub, (m) => m.status === 'CLOSED');
      expect(last).toMatchObject({ votesCount: 1, votersCount: 1 });
    } finally {
      await sub.close();
    }
  });

  it('answers NOT_FOUND for an unknown poll', async () => {
    const sub = subscribe(a.url, SUBSCRIPTION, { id: '999999' }, author.token);
    await expect(sub.next()).rejects.toThrow('NOT_FOUND');
    await sub.close();
  });
});
