import { pollUpdatedTopic } from '@nexus/polls';
import { createPoll } from '../polls/poll-factory';
import { createUser, createUsers, TestUser } from '../support/factory';
import { subscribe, waitForListener } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';

interface FormattedError {
  message: string;
  extensions: { code: string; statusCode: number };
}

/** Operations over graphql-ws bypass Apollo: the same limits and error shape must hold there. */
describe('GraphQL limits on subscriptions (graphql-ws)', () => {
  let t: TestApp;
  let user: TestUser;
  const saved = process.env.GRAPHQL_MAX_COST;
  beforeAll(async () => {
    // Low enough that one subscription can pass it (the default needs more than 30 aliases).
    process.env.GRAPHQL_MAX_COST = '50';
    t = await createTestApp();
    user = await createUser(t.app);
  });
  afterAll(async () => {
    await t.close();
    if (saved === undefined) delete process.env.GRAPHQL_MAX_COST;
    else process.env.GRAPHQL_MAX_COST = saved;
  });

  /** The errors the server answers to `query` (the subscription must fail before any event). */
  async function refused(query: string): Promise<FormattedError[]> {
    const sub = subscribe(t.url, query, {}, user.token);
    try {
      const failure = await sub.next().then(
        () => undefined,
        (err: Error) => err,
      );
      expect(failure).toBeInstanceOf(Error);
      return JSON.parse(failure!.message) as FormattedError[];
    } finally {
      await sub.close();
    }
  }
  const codeOf = async (query: string) => {
    const [error] = await refused(query);
    expect(error.extensions.statusCode).toBe(400);
    return error.extensions.code;
  };

  it('refuses a subscription deeper than the depth limit', async () => {
    let inner = 'id';
    for (let i = 0; i < 20; i++) inner = `... on Post { ${inner} }`;
    expect(await codeOf(`subscription { feedUpdated { post { ${inner} } } }`)).toBe(
      'QUERY_TOO_DEEP',
    );
  });

  it('refuses more aliases than the alias limit', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    expect(await codeOf(`subscription { feedUpdated { post { ${aliases} } } }`)).toBe(
      'QUERY_TOO_COMPLEX',
    );
  });

  it('prices the selection with its variables and refuses it past the cost limit', async () => {
    const [error] = await refused(
      'subscription { feedUpdated { post { comments(first: 100) { id author { username } } } } }',
    );
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).toMatch(/^Query cost limit of 50 exceeded, found \d+\.$/);
  });

  it('refuses too many tokens, a syntax error and an unknown field in the shared shape', async () => {
    expect(await codeOf(`subscription { feedUpdated { post { ${'id '.repeat(2100)} } } }`)).toBe(
      'QUERY_TOO_COMPLEX',
    );
    expect(await codeOf('subscription { feedUpdated { post { id }')).toBe('VALIDATION_FAILED');
    const [unknown] = await refused('subscription { feedUpdated { nope } }');
    expect(unknown).toMatchObject({
      message: 'Cannot query field "nope" on type "FeedUpdate".',
      extensions: { code: 'VALIDATION_FAILED', statusCode: 400 },
    });
  });

  it('still delivers a subscription within the limits', async () => {
    const poll = await createPoll(t.http, user);
    const sub = subscribe<{ pollUpdated: { votesCount: number } }>(
      t.url,
      'subscription($id: ID!) { pollUpdated(pollId: $id) { votesCount } }',
      { id: poll.id },
      user.token,
    );
    try {
      await waitForListener(pollUpdatedTopic(poll.id));
      const [voter] = await createUsers(t.app, 1);
      await t.http
        .post(`/api/polls/${poll.id}/vote`)
        .set('Authorization', `Bearer ${voter.token}`)
        .send({ optionId: poll.optionIds[0] })
        .expect(200);
      expect((await sub.next(10_000)).pollUpdated.votesCount).toBe(1);
    } finally {
      await sub.close();
    }
  });
});
