import { Client } from 'pg';
import { createUser, TestUser } from '../support/factory';
import { gql } from '../support/graphql';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';
import { createPoll } from './poll-factory';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('polls: create, read, close, delete, export', () => {
  let t: TestApp;
  let db: Client;
  let author: TestUser;
  let other: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    db = await connectDatabase();
    author = await createUser(t.app);
    other = await createUser(t.app);
    admin = await createUser(t.app, 'admin');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  it('creates a poll over REST in the documented shape', async () => {
    const res = await t.http
      .post('/api/polls')
      .set(auth(author))
      .send({
        question: ' Best editor? ',
        description: 'Be honest',
        options: [' Vim ', 'Emacs'],
        expiresAt: inMinutes(60),
        hideTotals: true,
      });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      authorId: author.id,
      question: 'Best editor?',
      description: 'Be honest',
      status: 'ACTIVE',
      allowsMultiple: false,
      hideTotals: true,
      createdAt: expect.any(String),
      startsAt: null,
      expiresAt: expect.any(String),
      closedAt: null,
      votesCount: 0,
      votersCount: 0,
      options: [
        { id: expect.any(String), text: 'Vim', position: 0, votesCount: 0, percentage: 0 },
        { id: expect.any(String), text: 'Emacs', position: 1, votesCount: 0, percentage: 0 },
      ],
      viewerOptionIds: [],
    });
  });

  it('creates over GraphQL and resolves the author', async () => {
    const res = await gql(
      t.http,
      `mutation($input: CreatePollInput!) { createPoll(input: $input) { id status question author { id username } options { text } } }`,
      { input: { question: 'Q?', options: ['a', 'b'], startsAt: inMinutes(10) } },
      author.token,
    );
    expect(res.data?.createPoll).toMatchObject({
      status: 'SCHEDULED',
      author: { id: author.id, username: author.username },
      options: [{ text: 'a' }, { text: 'b' }],
    });
  });

  it('rejects bad polls with per-field 400s and writes nothing', async () => {
    const { rows: before } = await db.query('SELECT count(*)::int AS n FROM polls');
    const cases: [Record<string, unknown>, string][] = [
      [{ options: ['Yes', ' yes '] }, 'options'],
      [{ options: ['Yes', '   '] }, 'options'],
      [{ options: ['only'] }, 'options'],
      [{ options: Array.from({ length: 11 }, (_, i) => `o${i}`) }, 'options'],
      [{ expiresAt: inMinutes(-5) }, 'expiresAt'],
      [{ expiresAt: inMinutes(2) }, 'expiresAt'],
      [{ expiresAt: inMinutes(31 * 24 * 60) }, 'expiresAt'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ question: 'x'.repeat(301) }, 'question'],
      [{ description: 'x'.repeat(1001) }, 'description'],
      [{ isAdmin: true }, 'isAdmin'],
    ];
    for (const [input, field] of cases) {
      const res = await t.http
        .post('/api/polls')
        .set(auth(author))
        .send({ question: 'Q?', options: ['a', 'b'], ...input });
      expect({ field, status: res.status, code: res.body.code }).toEqual({
        field,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(JSON.stringify(res.body)).not.toMatch(/INSERT|stack/i);
    }
    const gqlBad = await gql(
      t.http,
      `mutation { createPoll(input: { question: "Q", options: ["a", "A"] }) { id } }`,
      undefined,
      author.token,
    );
    expect(gqlBad.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      statusCode: 400,
    });
    expect(
      (await t.http.post('/api/polls').send({ question: 'Q', options: ['a', 'b'] })).status,
    ).toBe(401);
    const { rows: after } = await db.query('SELECT count(*)::int AS n FROM polls');
    expect(after[0].n).toBe(before[0].n);
  });

  it('lists by computed status with keyset pagination over REST and GraphQL', async () => {
    const active = await createPoll(t.http, author);
    const scheduled = await createPoll(t.http, author, { startsAt: inMinutes(60) });
    const closed = await createPoll(t.http, author, { expiresAt: inMinutes(10) });
    // Expired by time, no job run: CLOSED all the same.
    await db.query(`UPDATE polls SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      closed.id,
    ]);

    const ids = async (status: string) =>
      (await t.http.get(`/api/polls?status=${status}&first=100`)).body.data.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids('ACTIVE')).toContain(active.id);
    expect(await ids('ACTIVE')).not.toContain(scheduled.id);
    expect(await ids('SCHEDULED')).toContain(scheduled.id);
    expect(await ids('CLOSED')).toEqual([closed.id]);

    const page1 = await t.http.get('/api/polls?first=2');
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(2);
    const page2 = await t.http.get(`/api/polls?first=2&after=${page1.body.nextCursor}`);
    expect(BigInt(page2.body.data[0].id)).toBeLessThan(BigInt(page1.body.data[1].id));

    const viaGql = await gql<{
      polls: { data: { id: string; status: string }[]; nextCursor: string | null };
    }>(
      t.http,
      `{ polls(status: CLOSED, first: 5) { data { id status author { username } } nextCursor } }`,
    );
    expect(viaGql.data?.polls).toEqual({
      data: [{ id: closed.id, status: 'CLOSED', author: { username: author.username } }],
      nextCursor: null,
    });

    for (const query of ['first=0', 'first=101', 'status=OPEN', 'after=garbage', 'first=abc'])
      expect((await t.http.get(`/api/polls?${query}`)).status).toBe(400);
    const tooMany = await gql(t.http, `{ polls(first: 101) { nextCursor } }`);
    expect(tooMany.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('reads one poll by id, with 404 and 400', async () => {
    const poll = await createPoll(t.http, author);
    const res = await gql(t.http, `query($id: ID!) { poll(id: $id) { id question } }`, {
      id: poll.id,
    });
    expect(res.data).toEqual({ poll: { id: poll.id, question: 'Tabs or spaces?' } });
    expect((await t.http.get('/api/polls/999999')).status).toBe(404);
    expect((await t.http.get('/api/polls/abc')).status).toBe(400);
    const gqlBad = await gql(t.http, `{ poll(id: "abc") { id } }`);
    expect(gqlBad.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('hides totals from others until closed; author and admin always see them', async () => {
    const poll = await createPoll(t.http, author, { hideTotals: true });
    await t.http
      .post(`/api/polls/${poll.id}/vote`)
      .set(auth(other))
      .send({ optionId: poll.optionIds[0] });

    const asOther = await t.http.get(`/api/polls/${poll.id}`).set(auth(other));
    expect(asOther.body).toMatchObject({
      votesCount: null,
      votersCount: null,
      viewerOptionIds: [poll.optionIds[0]],
    });
    expect(asOther.body.options[0]).toMatchObject({ votesCount: null, percentage: null });
    expect((await t.http.get(`/api/polls/${poll.id}/results`)).body.votesCount).toBeNull();
    expect((await t.http.get(`/api/polls/${poll.id}/results.csv`).set(auth(other))).status).toBe(
      403,
    );
    expect((await t.http.get(`/api/polls/${poll.id}`).set(auth(author))).body.votesCount).toBe(1);
    expect((await t.http.get(`/api/polls/${poll.id}`).set(auth(admin))).body.votesCount).toBe(1);
    expect((await t.http.get(`/api/polls/${poll.id}/results.csv`).set(auth(author))).status).toBe(
      200,
    );

    await t.http.post(`/api/polls/${poll.id}/close`).set(auth(author));
    const closed = await t.http.get(`/api/polls/${poll.id}`);
    expect(closed.body).toMatchObject({ status: 'CLOSED', votesCount: 1, votersCount: 1 });
    expect(closed.body.options[0]).toMatchObject({ votesCount: 1, percentage: 100 });
  });

  it('lets only the author or an admin close or delete, changing nothing otherwise', async () => {
    const poll = await createPoll(t.http, author);
    const denied = await t.http.post(`/api/polls/${poll.id}/close`).set(auth(other));
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    const gqlDenied = await gql(
      t.http,
      `mutation($input: PollIdInput!) { deletePoll(input: $input) }`,
      { input: { pollId: poll.id } },
      other.token,
    );
    expect(gqlDenied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.http.delete(`/api/polls/${poll.id}`).set(auth(other))).status).toBe(403);
    const row = await db.query('SELECT closed_at FROM polls WHERE id = $1', [poll.id]);
    expect(row.rows).toEqual([{ closed_at: null }]);

    const closed = await gql(
      t.http,
      `mutation($input: PollIdInput!) { closePoll(input: $input) { status closedAt } }`,
      { input: { pollId: poll.id } },
      admin.token,
    );
    expect(closed.data?.closePoll).toMatchObject({
      status: 'CLOSED',
      closedAt: expect.any(String),
    });

    const deleted = await t.http.delete(`/api/polls/${poll.id}`).set(auth(author));
    expect(deleted.status).toBe(204);
    expect((await t.http.get(`/api/polls/${poll.id}`)).status).toBe(404);
    const left = await db.query('SELECT count(*)::int AS n FROM poll_options WHERE poll_id = $1', [
      poll.id,
    ]);
    expect(left.rows[0].n).toBe(0);
    expect((await t.http.delete(`/api/polls/${poll.id}`).set(auth(author))).status).toBe(404);
  });

  it('exports results as formula-safe RFC 4180 CSV', async () => {
    const poll = await createPoll(t.http, author, {
      options: ['=HYPERLINK("http://x","y")', 'Plain, with comma', '-1'],
    });
    await t.http
      .post(`/api/polls/${poll.id}/vote`)
      .set(auth(other))
      .send({ optionId: poll.optionIds[1] });
    const res = await t.http.get(`/api/polls/${poll.id}/results.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="poll-${poll.id}-results.csv"`,
    );
    expect(res.text).toBe(
      'option,votes,percentage\r\n' +
        `"'=HYPERLINK(""http://x"",""y"")",0,0\r\n` +
        '"Plain, with comma",1,100\r\n' +
        "'-1,0,0\r\n",
    );
    expect((await t.http.get('/api/polls/abc/results.csv')).status).toBe(400);
    expect((await t.http.get('/api/polls/999999/results.csv')).status).toBe(404);
  });
});
