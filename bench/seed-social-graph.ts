import { Client } from 'pg';
import type { DatasetOptions } from './seed';

async function hasColumn(db: Client, table: string, column: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return rows.length > 0;
}

/**
 * Follows skewed like a real network: the first `celebrities` users are followed by everyone,
 * the rest follow `followsPerUser` accounts on average chosen with random()^2 (low ids get
 * most followers). `last_active_at`: 80% active in the last 14 days (the fan-out window).
 * Skipped on a schema without the social graph.
 */
export async function seedSocialGraph(db: Client, o: DatasetOptions): Promise<void> {
  if (await hasColumn(db, 'users', 'last_active_at')) {
    await db.query(
      `UPDATE users SET last_active_at = now() - CASE WHEN random() < 0.8
         THEN random() * interval '14 days' ELSE interval '14 days' + random() * interval '60 days' END`,
    );
  }
  if (!(await hasColumn(db, 'follows', 'followee_id'))) return;
  await db.query(
    `INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT f.id, c.id, now() - random() * interval '60 days'
     FROM users f, (SELECT id FROM users ORDER BY id LIMIT $1) c
     WHERE f.id <> c.id`,
    [o.celebrities],
  );
  await db.query(
    `INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT f, e, now() - random() * interval '60 days' FROM (
       SELECT u.min_id + floor(random() * u.n)::bigint AS f,
              u.min_id + floor(power(random(), 2) * u.n)::bigint AS e
       FROM generate_series(1, $1::int), (SELECT min(id) AS min_id, count(*) AS n FROM users) u
     ) s WHERE f <> e
     ON CONFLICT DO NOTHING`,
    [o.users * o.followsPerUser],
  );
  await db.query(
    `UPDATE users u SET followers_count = coalesce(a.n, 0), following_count = coalesce(b.n, 0)
     FROM users u2
     LEFT JOIN (SELECT followee_id, count(*)::int n FROM follows GROUP BY 1) a ON a.followee_id = u2.id
     LEFT JOIN (SELECT follower_id, count(*)::int n FROM follows GROUP BY 1) b ON b.follower_id = u2.id
     WHERE u.id = u2.id`,
  );
}
