import { Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createUser, createUsers, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';
import { createPoll } from './poll-factory';

interface PollMessage {
  votesCount: number | null;
  votersCount: number | null;
  status: string;
  options: { votesCount: number | null }[];
}

/** Collects pollUpdated messages of one subscription. */
function subscribe(client: WsClient, pollId: string) {
  const messages: PollMessage[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<{ pollUpdated: PollMessage }>(
    {
      query: `subscription($id: ID!) { pollUpdated(pollId: $id) { status votesCount votersCount options { votesCount } } }`,
      variables: { id: pollId },
    },
    {
      next: (msg) => (msg.data ? messages.push(msg.data.pollUpdated) : errors.push(msg.errors)),
      error: (err) => errors.push(err),
      complete: () => undefined,
    },
  );
  return { messages, errors, dispose };
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live results across two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let author: TestUser;
  let client: WsClient;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    author = await createUser(a.app);
    client = createClient({
      url: `${a.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${author.token}` },
      retryAttempts: 0,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await b.close();
    await a.close();
  });

  // The subscription is live once Redis confirms it; a probe close cannot be used (it ends the
  // poll), so give the SUBSCRIBE a moment before voting.
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('pushes a vote made on instance B to a subscriber on instance A', async () => {
    const poll = await createPoll(a.http, author);
    const sub = subscribe(client, poll.id);
    await settle();
    const [voter] = await createUsers(b.app, 1);
    const res = await b.http
      .post(`/api/polls/${poll.id}/vote`)
      .set('Authorization', `Bearer ${voter.token}`)
      .send({ optionId: poll.optionIds[1] });
    expect(res.status).toBe(200);
    await waitFor(() => sub.messages.length > 0);
    expect(sub.errors).toEqual([]);
    expect(sub.messages.at(-1)).toEqual({
      status: 'ACTIVE',
      votesCount: 1,
      votersCount: 1,
      options: [{ votesCount: 0 }, { votesCount: 1 }, { votesCount: 0 }],
    });
    sub.dispose();
  });

  it('coalesces a burst of 50 votes on both instances into a few messages ending with the totals', async () => {
    const poll = await createPoll(a.http, author);
    const sub = subscribe(client, poll.id);
    await settle();
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
    await waitFor(() => sub.messages.at(-1)?.votersCount === 50);
    // No later message may undo the final totals.
    await new Promise((r) => setTimeout(r, 600));
    expect(sub.messages.at(-1)).toMatchObject({ votesCount: 50, votersCount: 50 });
    expect(sub.messages.at(-1)?.options.map((o) => o.votesCount)).toEqual([17, 17, 16]);
    expect(sub.messages.length).toBeLessThan(15);
    sub.dispose();
  });

  it('pushes the close, and hides totals from other subscribers until then', async () => {
    const poll = await createPoll(a.http, author, { hideTotals: true });
    const [viewer] = await createUsers(a.app, 1);
    const anonymous = createClient({
      url: `${b.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const sub = subscribe(anonymous, poll.id);
      await settle();
      await a.http
        .post(`/api/polls/${poll.id}/vote`)
        .set('Authorization', `Bearer ${viewer.token}`)
        .send({ optionId: poll.optionIds[0] });
      await waitFor(() => sub.messages.length > 0);
      expect(sub.messages[0]).toMatchObject({ status: 'ACTIVE', votesCount: null });
      await b.http
        .post(`/api/polls/${poll.id}/close`)
        .set('Authorization', `Bearer ${author.token}`);
      await waitFor(() => sub.messages.at(-1)?.status === 'CLOSED');
      expect(sub.messages.at(-1)).toMatchObject({ votesCount: 1, votersCount: 1 });
      sub.dispose();
    } finally {
      await anonymous.dispose();
    }
  });

  it('answers NOT_FOUND for an unknown poll', async () => {
    const sub = subscribe(client, '999999');
    await waitFor(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
  });
});
