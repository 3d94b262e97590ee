import { Client } from 'pg';

export interface Fixtures {
  users: { id: string; username: string }[];
  postIds: string[];
  hotPostId: string;
  /** 50 open single-choice polls with two options each. */
  polls: { id: string; optionIds: string[] }[];
}

/** 2,000 users; 5,000 posts by the first 500, each with 3 comments by others. */
export async function seed(db: Client): Promise<Fixtures> {
  const users = (
    await db.query<{ id: string; username: string }>(
      `INSERT INTO users (username, email, password_hash)
       SELECT 'bench_' || n, 'bench_' || n || '@example.test', 'x' FROM generate_series(1, 2000) n
       RETURNING id, username`,
    )
  ).rows;
  const postIds = (
    await db.query<{ id: string }>(
      `INSERT INTO posts (author_id, content)
       SELECT u.id, 'Bench post ' || g FROM generate_series(1, 10) g,
         (SELECT id FROM users ORDER BY id LIMIT 500) u
       RETURNING id`,
    )
  ).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO comments (post_id, author_id, content)
     SELECT p.id, (SELECT id FROM users ORDER BY id DESC LIMIT 1 OFFSET k), 'comment ' || k
     FROM posts p, generate_series(1, 3) k`,
  );
  await db.query(`UPDATE posts SET comment_count = 3`);
  await db.query(
    `UPDATE users u SET posts_count = c.n FROM (SELECT author_id, count(*) n FROM posts GROUP BY 1) c
     WHERE c.author_id = u.id`,
  );
  const polls = (
    await db.query<{ id: string; option_ids: string[] }>(
      `WITH p AS (
         INSERT INTO polls (author_id, question)
         SELECT (SELECT min(id) FROM users), 'Bench poll ' || n FROM generate_series(1, 50) n
         RETURNING id),
       o AS (
         INSERT INTO poll_options (poll_id, position, text)
         SELECT p.id, k, 'Option ' || k FROM p, generate_series(0, 1) k RETURNING poll_id, id)
       SELECT poll_id AS id, array_agg(id ORDER BY id)::text[] AS option_ids FROM o GROUP BY poll_id`,
    )
  ).rows.map((r) => ({ id: r.id, optionIds: r.option_ids }));
  return { users, postIds, hotPostId: postIds[postIds.length - 1], polls };
}
