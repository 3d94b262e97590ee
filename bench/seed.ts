// The realistic dataset shared by `npm run seed`, the bench and the demo: set-based
// INSERT … SELECT generate_series statements (the rows are built inside PostgreSQL, so nothing
// crosses the wire row by row), counters derived from the rows, then ANALYZE.
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { seedSocialGraph } from './seed-social-graph';

export interface DatasetOptions {
  users: number;
  /** Average follows per user on top of the celebrities' followers. */
  followsPerUser: number;
  /** The first `celebrities` users are followed by every other user. */
  celebrities: number;
  posts: number;
  /** Posts are spread over this many days before now (ids grow with created_at). */
  days: number;
  likes: number;
  /** The newest posts get `commentsPerPost` comments each until `comments` are written. */
  comments: number;
  commentsPerPost: number;
  shares: number;
  polls: number;
  /** Ballots on every poll except the first (the bench's hot poll starts empty). */
  votersPerPoll: number;
  /** Every seeded user can log in with this password. */
  password: string;
  /** setseed() argument: the same options give the same rows. */
  randomSeed: number;
}

/** Defaults of `npm run seed` (issue 14): the bench and the feed EXPLAINs use these. */
export const DEFAULT_DATASET: DatasetOptions = {
  users: 10_000,
  followsPerUser: 17,
  celebrities: 3,
  posts: 200_000,
  days: 30,
  likes: 400_000,
  comments: 200_000,
  commentsPerPost: 5,
  shares: 20_000,
  polls: 50,
  votersPerPoll: 200,
  password: 'nexus-demo-password',
  randomSeed: 0.42,
};

/** Scaled by user count, so `--users 2000` stays proportionate. */
export function datasetFor(users: number, overrides: Partial<DatasetOptions> = {}): DatasetOptions {
  const k = users / DEFAULT_DATASET.users;
  const scaled = (n: number) => Math.max(1, Math.round(n * k));
  return {
    ...DEFAULT_DATASET,
    users,
    posts: scaled(DEFAULT_DATASET.posts),
    likes: scaled(DEFAULT_DATASET.likes),
    comments: scaled(DEFAULT_DATASET.comments),
    shares: scaled(DEFAULT_DATASET.shares),
    votersPerPoll: Math.min(DEFAULT_DATASET.votersPerPoll, users - 1),
    ...overrides,
  };
}

export interface SeededPoll {
  id: string;
  optionIds: string[];
}

export interface SeedResult {
  options: DatasetOptions;
  /** Users in id order: `user_<n>` is the n-th. Celebrities come first. */
  users: { id: string; username: string }[];
  /** The newest post (the global page's first item). */
  newestPostId: string;
  /** Ids of the newest 1,000 posts, newest first (all commented). */
  recentPostIds: string[];
  /** polls[0] has no ballots: the bench's hot poll. */
  polls: SeededPoll[];
  counts: Record<string, number>;
  elapsedMs: number;
}

const TABLES = ['users', 'posts', 'comments', 'likes', 'shares', 'polls', 'poll_options'];

/**
 * Seeds an empty, migrated database. Refuses a database that already has users (the counters
 * are derived from the rows, so mixing datasets would be wrong).
 */
export async function seed(
  databaseUrl: string,
  options: Partial<DatasetOptions> = {},
): Promise<SeedResult> {
  const o = { ...datasetFor(options.users ?? DEFAULT_DATASET.users), ...options };
  const started = Date.now();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM users');
    if (Number(rows[0].n) > 0) throw new Error('seed needs an empty database (users exist)');
    const passwordHash = await argon2.hash(o.password, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    await db.query('SELECT setseed($1)', [o.randomSeed]);
    await insertUsers(db, o, passwordHash);
    await insertPosts(db, o);
    await insertInteractions(db, o);
    const polls = await insertPolls(db, o);
    await seedSocialGraph(db, o);
    await recount(db);
    await db.query('ANALYZE');
    return {
      options: o,
      ...(await fixtures(db)),
      polls,
      counts: await countRows(db),
      elapsedMs: Date.now() - started,
    };
  } finally {
    await db.end();
  }
}

async function insertUsers(db: Client, o: DatasetOptions, passwordHash: string) {
  await db.query(
    `INSERT INTO users (username, email, password_hash, display_name, bio, avatar_url, created_at)
     SELECT 'user_' || n, 'user_' || n || '@example.test', $2, 'User ' || n,
            CASE WHEN n % 3 = 0 THEN 'Bio of user ' || n END,
            CASE WHEN n % 2 = 0 THEN 'https://img.example.test/u/' || n || '.png' END,
            now() - interval '90 days' + n * interval '1 second'
     FROM generate_series(1, $1::int) n ORDER BY n`,
    [o.users, passwordHash],
  );
}

// Authors skewed (random()^2 favours low ids: a few prolific accounts, a long tail); ids grow
// with created_at because the rows are inserted in time order.
async function insertPosts(db: Client, o: DatasetOptions) {
  await db.query(
    `INSERT INTO posts (author_id, title, content, media_url, created_at, updated_at)
     SELECT u.min_id + floor(power(random(), 2) * u.n)::bigint,
            CASE WHEN g % 4 = 0 THEN 'Post title ' || g END,
            'Post ' || g || ': ' || repeat('lorem ipsum ', 1 + g % 12),
            CASE WHEN g % 10 = 0 THEN 'https://img.example.test/p/' || g || '.jpg' END,
            t, t
     FROM (SELECT g, now() - random() * ($2::int * interval '1 day') AS t
           FROM generate_series(1, $1::int) g) s,
          (SELECT min(id) AS min_id, count(*) AS n FROM users) u
     ORDER BY t`,
    [o.posts, o.days],
  );
}

async function insertInteractions(db: Client, o: DatasetOptions) {
  // Likes lean to newer posts (sqrt favours high ids); duplicates collapse on the primary key.
  await db.query(
    `INSERT INTO likes (post_id, user_id, created_at)
     SELECT p.min_id + floor(sqrt(random()) * p.n)::bigint,
            u.min_id + floor(random() * u.n)::bigint, now() - random() * interval '7 days'
     FROM generate_series(1, $1::int),
          (SELECT min(id) AS min_id, count(*) AS n FROM posts) p,
          (SELECT min(id) AS min_id, count(*) AS n FROM users) u
     ON CONFLICT DO NOTHING`,
    [o.likes],
  );
  await db.query(
    `INSERT INTO comments (post_id, author_id, content, created_at)
     SELECT p.id, u.min_id + floor(random() * u.n)::bigint, 'Comment ' || k || ' on post ' || p.id,
            p.created_at + k * interval '1 minute'
     FROM (SELECT id, created_at FROM posts ORDER BY id DESC LIMIT $1) p,
          generate_series(1, $2::int) k,
          (SELECT min(id) AS min_id, count(*) AS n FROM users) u
     ORDER BY p.id, k`,
    [Math.ceil(o.comments / o.commentsPerPost), o.commentsPerPost],
  );
  await db.query(
    `INSERT INTO shares (post_id, user_id)
     SELECT p.min_id + floor(sqrt(random()) * p.n)::bigint, u.min_id + floor(random() * u.n)::bigint
     FROM generate_series(1, $1::int),
          (SELECT min(id) AS min_id, count(*) AS n FROM posts) p,
          (SELECT min(id) AS min_id, count(*) AS n FROM users) u
     ON CONFLICT DO NOTHING`,
    [o.shares],
  );
}

/** Open single-choice polls (2–4 options) by varied authors; all but the first have ballots. */
async function insertPolls(db: Client, o: DatasetOptions): Promise<SeededPoll[]> {
  const { rows } = await db.query<{ id: string; option_ids: string[] }>(
    `WITH p AS (
       INSERT INTO polls (author_id, question, expires_at)
       SELECT (SELECT min(id) FROM users) + n * 7 % (SELECT count(*) FROM users),
              'Poll ' || n || ': which option?', now() + interval '30 days'
       FROM generate_series(1, $1::int) n ORDER BY n
       RETURNING id),
     o AS (
       INSERT INTO poll_options (poll_id, position, text)
       SELECT p.id, k, 'Option ' || (k + 1) FROM p, generate_series(0, 1 + p.id::int % 3) k
       RETURNING poll_id, id)
     SELECT poll_id AS id, array_agg(id ORDER BY id)::text[] AS option_ids
     FROM o GROUP BY poll_id ORDER BY poll_id`,
    [o.polls],
  );
  const polls = rows.map((r) => ({ id: r.id, optionIds: r.option_ids }));
  await db.query(
    `WITH v AS (
       INSERT INTO poll_voters (poll_id, user_id)
       SELECT p.id, u.id FROM polls p
       CROSS JOIN LATERAL (SELECT id FROM users ORDER BY id DESC LIMIT $1) u
       WHERE p.id > (SELECT min(id) FROM polls)
       RETURNING poll_id, user_id)
     INSERT INTO poll_votes (poll_id, option_id, user_id)
     SELECT v.poll_id, (SELECT o.id FROM poll_options o WHERE o.poll_id = v.poll_id
                        ORDER BY o.id OFFSET (v.user_id % 2) LIMIT 1), v.user_id
     FROM v`,
    [o.votersPerPoll],
  );
  return polls;
}

/** Every counter equals its rows (the invariant the API keeps in the same transaction). */
async function recount(db: Client) {
  await db.query(
    `UPDATE users u SET posts_count = c.n FROM
       (SELECT author_id, count(*)::int n FROM posts WHERE deleted_at IS NULL GROUP BY 1) c
     WHERE c.author_id = u.id`,
  );
  await db.query(
    `UPDATE posts p SET like_count = coalesce(l.n, 0), comment_count = coalesce(c.n, 0),
                        share_count = coalesce(s.n, 0)
     FROM posts p2
     LEFT JOIN (SELECT post_id, count(*)::int n FROM likes GROUP BY 1) l ON l.post_id = p2.id
     LEFT JOIN (SELECT post_id, count(*)::int n FROM comments GROUP BY 1) c ON c.post_id = p2.id
     LEFT JOIN (SELECT post_id, count(*)::int n FROM shares GROUP BY 1) s ON s.post_id = p2.id
     WHERE p.id = p2.id AND (l.n IS NOT NULL OR c.n IS NOT NULL OR s.n IS NOT NULL)`,
  );
  await db.query(
    `UPDATE poll_options o SET votes_count = c.n
     FROM (SELECT option_id, count(*)::int n FROM poll_votes GROUP BY 1) c WHERE c.option_id = o.id`,
  );
  await db.query(
    `UPDATE polls p SET voters_count = (SELECT count(*) FROM poll_voters v WHERE v.poll_id = p.id),
                        votes_count = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id)`,
  );
}

async function fixtures(db: Client) {
  const users = (
    await db.query<{ id: string; username: string }>(
      'SELECT id, username::text FROM users ORDER BY id',
    )
  ).rows;
  const recent = (
    await db.query<{ id: string }>(
      'SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1000',
    )
  ).rows.map((r) => r.id);
  return { users, newestPostId: recent[0], recentPostIds: recent };
}

async function countRows(db: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...TABLES, 'poll_voters', 'poll_votes', ...(await graphTables(db))]) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

async function graphTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name IN ('follows', 'blocks') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}
