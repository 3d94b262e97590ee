// The bench scenarios. Each pairs an API request with its floor: one named SQL statement plus a
// JSON shaper answering the same body from bare node:http + pg (bench/floor-server.ts).
// Adding a scenario (e.g. the feed) = one entry here: request + floor { sql, values, shape }.
import { Client } from 'pg';
import {
  graphqlPost,
  page,
  POST_ROW_COLUMNS,
  PostRow,
  PollRow,
  pollView,
  restPost,
} from './floor-shapes';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What the floor sees of a request: its URL (without the scenario prefix), body and viewer. */
export interface FloorInput {
  url: URL;
  body: Record<string, unknown> | null;
  viewerId: string | null;
}

export interface Floor {
  sql: string;
  values: (input: FloorInput) => unknown[];
  shape: (rows: never[], input: FloorInput) => unknown;
  /** A row-less answer that is an error for this scenario (e.g. a rejected ballot). */
  emptyStatus?: number;
}

/** Data the requests draw from (built by bench/main.ts after seeding). */
export interface BenchFixtures {
  tokens: string[];
  userIds: string[];
  recentPostIds: string[];
  /** Fresh open polls with no ballots: each is hot for `tokens.length` distinct voters. */
  votePolls: { id: string; optionIds: string[] }[];
  /** The first `feedViewers` users: their timelines are built before the feed scenarios. */
  feedViewers: number;
}

export interface Scenario {
  key: string;
  name: string;
  /** Request number i (continuous across warm-up, rounds and targets: never repeats). */
  request: (i: number, f: BenchFixtures) => LoadRequest;
  floor: Floor;
  /** Answers with identical bodies from the API and the floor (read scenarios). */
  compareBodies?: boolean;
  /** After the run: throws when the write path lost exactness. */
  verify?: (
    db: Client,
    f: BenchFixtures,
    answers: { accepted: number; sent: number },
  ) => Promise<string>;
}

const FIRST = 20;
const auth = (i: number, f: BenchFixtures) => ({
  authorization: `Bearer ${f.tokens[i % f.tokens.length]}`,
});
const graphql = (query: string, i: number, f: BenchFixtures): LoadRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { ...auth(i, f), 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});

// The newest page: `id < max bigint` is the API's "no cursor", so both plan the same way.
const NO_CURSOR = '9223372036854775807';
const POST_PAGE_SQL = `
  SELECT ${POST_ROW_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;

const ALL_POSTS_QUERY = `{ allPosts(first: ${FIRST}) { id title content mediaUrl likeCount
  commentCount shareCount viewerHasLiked createdAt updatedAt
  author { id username displayName avatarUrl } } }`;

const NESTED_QUERY = `{ allPosts(first: ${FIRST}) { id content viewerHasLiked author { username }
  comments(first: 3) { id content author { username } } } }`;

const NESTED_SQL = `
  SELECT p.id, p.content, u.username,
    EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $2) AS liked,
    (SELECT coalesce(json_agg(json_build_object('id', c.id::text, 'content', c.content,
                              'author', json_build_object('username', cu.username)) ORDER BY c.id), '[]')
     FROM (SELECT id, content, author_id FROM comments WHERE post_id = p.id ORDER BY id LIMIT $4) c
     JOIN users cu ON cu.id = c.author_id) AS comments
  FROM posts p JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND p.id < $1 ORDER BY p.id DESC LIMIT $3`;

const POST_BY_ID_SQL = `
  SELECT ${POST_ROW_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

// The whole ballot in one statement: the poll row is locked only while it runs. Open check
// and option check under the lock, duplicate voter = unique violation (the statement rolls
// back), every option row re-read under the poll lock so the tallies returned agree.
export const CAST_BALLOT_SQL = `
  WITH poll AS (
    UPDATE polls p SET votes_count = p.votes_count + cardinality($3::bigint[]),
                       voters_count = p.voters_count + 1
    WHERE p.id = $1 AND p.closed_at IS NULL
      AND (p.expires_at IS NULL OR p.expires_at > now())
      AND (p.starts_at IS NULL OR p.starts_at <= now())
      AND cardinality($3::bigint[]) >= 1
      AND (p.allows_multiple OR cardinality($3::bigint[]) = 1)
      AND cardinality($3::bigint[]) = (SELECT count(*) FROM poll_options o
                                       WHERE o.poll_id = $1 AND o.id = ANY($3::bigint[]))
    RETURNING p.*),
  voter AS (INSERT INTO poll_voters (poll_id, user_id) SELECT id, $2 FROM poll RETURNING poll_id),
  votes AS (INSERT INTO poll_votes (poll_id, option_id, user_id)
            SELECT v.poll_id, o, $2 FROM voter v, unnest($3::bigint[]) o),
  options AS (
    UPDATE poll_options o SET votes_count = o.votes_count + (o.id = ANY($3::bigint[]))::int
    WHERE o.poll_id = $1 AND EXISTS (SELECT 1 FROM poll)
    RETURNING o.id, o.text, o.position, o.votes_count)
  SELECT poll.id, poll.author_id, poll.question, poll.description, poll.allows_multiple,
    poll.hide_totals, poll.created_at, poll.starts_at, poll.expires_at, poll.closed_at,
    poll.votes_count, poll.voters_count,
    (SELECT json_agg(json_build_object('id', id::text, 'text', text, 'position', position,
                                       'votesCount', votes_count) ORDER BY position)
     FROM options) AS options
  FROM poll`;

// The feed's floor: the best single pull statement (posts of the viewer and their followees,
// newest first, per-author index-only scans of posts_live_author_idx), same JSON as the API.
const FEED_PULL_SQL = `
  WITH page AS (
    SELECT p.id FROM (SELECT $2::bigint AS author_id UNION ALL
                      SELECT followee_id FROM follows WHERE follower_id = $2) a
    CROSS JOIN LATERAL (
      SELECT id FROM posts p
      WHERE p.author_id = a.author_id AND p.deleted_at IS NULL AND p.id < $1
      ORDER BY p.id DESC LIMIT $3) p
    ORDER BY p.id DESC LIMIT $3)
  SELECT ${POST_ROW_COLUMNS} FROM page JOIN posts p ON p.id = page.id
  JOIN users u ON u.id = p.author_id ORDER BY p.id DESC`;

/** Feed viewer of request i: many distinct signed-in users, each with a warm timeline. */
const feedViewer = (i: number, f: BenchFixtures) => i % f.feedViewers;
const feedAuth = (i: number, f: BenchFixtures) => ({
  authorization: `Bearer ${f.tokens[feedViewer(i, f)]}`,
});

const firstOf = (input: FloorInput) => Number(input.url.searchParams.get('first') ?? FIRST);

export const SCENARIOS: Scenario[] = [
  {
    key: 'rest-posts',
    name: 'REST GET /api/posts?first=20',
    request: (i, f) => ({ method: 'GET', path: `/api/posts?first=${FIRST}`, headers: auth(i, f) }),
    compareBodies: true,
    floor: {
      sql: POST_PAGE_SQL,
      values: (input) => [NO_CURSOR, input.viewerId, firstOf(input) + 1],
      shape: (rows: PostRow[], input) => page(rows, firstOf(input), restPost),
    },
  },
  {
    key: 'gql-all-posts',
    name: 'GraphQL allPosts(first:20) + author',
    request: (i, f) => graphql(ALL_POSTS_QUERY, i, f),
    compareBodies: true,
    floor: {
      sql: POST_PAGE_SQL,
      values: (input) => [NO_CURSOR, input.viewerId, FIRST],
      shape: (rows: PostRow[]) => ({ data: { allPosts: rows.map(graphqlPost) } }),
    },
  },
  {
    key: 'gql-nested',
    name: 'GraphQL nested page (3 comments each)',
    request: (i, f) => graphql(NESTED_QUERY, i, f),
    compareBodies: true,
    floor: {
      sql: NESTED_SQL,
      values: (input) => [NO_CURSOR, input.viewerId, FIRST, 3],
      shape: (
        rows: { id: string; content: string; username: string; liked: boolean; comments: [] }[],
      ) => ({
        data: {
          allPosts: rows.map((r) => ({
            id: r.id,
            content: r.content,
            viewerHasLiked: r.liked,
            author: { username: r.username },
            comments: r.comments,
          })),
        },
      }),
    },
  },
  {
    key: 'rest-post-by-id',
    name: 'REST GET /api/posts/:id',
    request: (i, f) => ({
      method: 'GET',
      path: `/api/posts/${f.recentPostIds[i % f.recentPostIds.length]}`,
      headers: auth(i, f),
    }),
    compareBodies: true,
    floor: {
      sql: POST_BY_ID_SQL,
      values: (input) => [input.url.pathname.split('/').pop(), input.viewerId],
      shape: (rows: PostRow[]) => restPost(rows[0]),
      emptyStatus: 404,
    },
  },
  {
    key: 'rest-feed',
    name: 'REST GET /api/feed?first=20',
    request: (i, f) => ({
      method: 'GET',
      path: `/api/feed?first=${FIRST}`,
      headers: feedAuth(i, f),
    }),
    compareBodies: true,
    floor: {
      sql: FEED_PULL_SQL,
      values: (input) => [NO_CURSOR, input.viewerId, firstOf(input) + 1],
      shape: (rows: PostRow[], input) => page(rows, firstOf(input), restPost),
    },
  },
  {
    key: 'gql-feed',
    name: "GraphQL feed(userId) (the brief's query)",
    request: (i, f) => ({
      method: 'POST',
      path: '/graphql',
      headers: { ...feedAuth(i, f), 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query { feed(userId: ${f.userIds[feedViewer(i, f)]}) { id content author { username } createdAt } }`,
      }),
    }),
    compareBodies: true,
    floor: {
      sql: FEED_PULL_SQL,
      values: (input) => [NO_CURSOR, input.viewerId, FIRST],
      shape: (rows: PostRow[]) => ({
        data: {
          feed: rows.map((r) => ({
            id: r.id,
            content: r.content,
            author: { username: r.username },
            createdAt: r.created_at,
          })),
        },
      }),
    },
  },
  {
    key: 'vote',
    name: 'REST POST /api/polls/:id/vote (hot poll)',
    // Ballot i: voter i % users on poll floor(i / users): every ballot is a first ballot, and
    // each poll takes every voter in turn (all of them queue on that poll's row).
    request: (i, f) => {
      const poll = f.votePolls[Math.floor(i / f.tokens.length) % f.votePolls.length];
      return {
        method: 'POST',
        path: `/api/polls/${poll.id}/vote`,
        headers: { ...auth(i, f), 'content-type': 'application/json' },
        body: JSON.stringify({ optionId: poll.optionIds[i % poll.optionIds.length] }),
      };
    },
    floor: {
      sql: CAST_BALLOT_SQL,
      values: (input) => [
        input.url.pathname.split('/')[3],
        input.viewerId,
        [String(input.body?.optionId)],
      ],
      shape: (rows: PollRow[], input) =>
        pollView(rows[0], input.viewerId!, [String(input.body?.optionId)]),
      emptyStatus: 409,
    },
    // A run ends with requests in flight: their ballots may commit after autocannon stopped
    // counting, so 2xx answers <= ballots recorded <= requests sent, and counters = rows.
    verify: async (db, f, { accepted, sent }) => {
      const ids = f.votePolls.map((p) => p.id);
      const { rows } = await db.query<{ bad: number; voters: number }>(
        `SELECT count(*) FILTER (WHERE
             p.voters_count <> (SELECT count(*) FROM poll_voters v WHERE v.poll_id = p.id)
          OR p.votes_count <> (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id)
          OR EXISTS (SELECT 1 FROM poll_options o WHERE o.poll_id = p.id AND o.votes_count <>
               (SELECT count(*) FROM poll_votes v WHERE v.option_id = o.id)))::int AS bad,
           coalesce(sum(p.voters_count), 0)::int AS voters
         FROM polls p WHERE p.id = ANY($1::bigint[])`,
        [ids],
      );
      const { bad, voters } = rows[0];
      if (bad !== 0 || voters < accepted || voters > sent)
        throw new Error(
          `vote tallies wrong: ${bad} polls differ from their rows; ${voters} ballots recorded, ${accepted} accepted, ${sent} sent`,
        );
      return `vote tallies exact: counters = rows on ${ids.length} polls; ${accepted} 2xx <= ${voters} ballots <= ${sent} sent`;
    },
  },
];
