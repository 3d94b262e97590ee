-- Seeds an empty, migrated database and explains the feed statements (docs/feed-query-plans.md).
-- psql -v ON_ERROR_STOP=1 -d <scratch database> -f bench/feed-explain.sql
SELECT setseed(0.42);
INSERT INTO users (username, email, password_hash, last_active_at)
SELECT 'u' || g, 'u' || g || '@x.test', 'x',
       now() - CASE WHEN g % 3 = 0 THEN interval '30 days' ELSE (g % 10) * interval '1 day' END
FROM generate_series(1, 10000) g;
INSERT INTO follows (follower_id, followee_id)
SELECT f, c FROM generate_series(1, 10000) f, generate_series(1, 5) c WHERE f <> c;
INSERT INTO follows (follower_id, followee_id)
SELECT f, t FROM (SELECT f, 6 + floor(power(random(), 2.5) * 9994)::int t
                  FROM generate_series(1, 10000) f, generate_series(1, 16) k) s
WHERE f <> t ON CONFLICT DO NOTHING;
UPDATE users u SET followers_count = c.n
FROM (SELECT followee_id, count(*) n FROM follows GROUP BY 1) c WHERE c.followee_id = u.id;
UPDATE users u SET following_count = c.n
FROM (SELECT follower_id, count(*) n FROM follows GROUP BY 1) c WHERE c.follower_id = u.id;
INSERT INTO posts (author_id, content, created_at)
SELECT 1 + floor(random() * 10000)::int, 'post ' || g, now() - (200000 - g) * interval '13 seconds'
FROM generate_series(1, 200000) g;
UPDATE posts SET deleted_at = now() WHERE id % 50 = 0;
UPDATE users u SET posts_count = c.n
FROM (SELECT author_id, count(*) n FROM posts WHERE deleted_at IS NULL GROUP BY 1) c WHERE c.author_id = u.id;
INSERT INTO likes (post_id, user_id)
SELECT p.id, 1 + floor(random() * 10000)::int FROM (SELECT id FROM posts ORDER BY random() LIMIT 150000) p
ON CONFLICT DO NOTHING;
VACUUM ANALYZE;
\echo '## pull query (cold timeline, pages past the window)'
PREPARE pull(bigint, bigint, int) AS
  WITH page AS (
    SELECT p.id FROM (SELECT $1::bigint AS author_id UNION ALL SELECT followee_id FROM follows WHERE follower_id = $1) a
    CROSS JOIN LATERAL (SELECT id FROM posts p WHERE p.author_id = a.author_id AND p.deleted_at IS NULL AND p.id < $2 ORDER BY p.id DESC LIMIT $3) p
    ORDER BY p.id DESC LIMIT $3)
  SELECT p.id, u.username, EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $1) AS liked
  FROM page JOIN posts p ON p.id = page.id JOIN users u ON u.id = p.author_id ORDER BY p.id DESC;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE pull(777, 9223372036854775807, 21);
\echo '## hydrate (a timeline page + celebrity merge)'
PREPARE hyd(bigint, bigint[], bigint, int, int) AS
  WITH celebrity AS (
    SELECT c.id FROM follows f
    JOIN users cu ON cu.id = f.followee_id AND cu.followers_count > $4
    CROSS JOIN LATERAL (
      SELECT id FROM posts p
      WHERE p.author_id = f.followee_id AND p.deleted_at IS NULL AND p.id < $3
      ORDER BY p.id DESC LIMIT $5) c
    WHERE f.follower_id = $1
    ORDER BY c.id DESC LIMIT $5
  ), candidate AS (
    SELECT unnest($2::bigint[]) AS id UNION SELECT id FROM celebrity
  )
  SELECT p.id, u.username, EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = $1) AS liked, p.id IN (SELECT id FROM celebrity) AS "fromCelebrity"
  FROM candidate c
  JOIN posts p ON p.id = c.id
  JOIN users u ON u.id = p.author_id
  WHERE p.deleted_at IS NULL AND (p.author_id = $1 OR EXISTS (
    SELECT 1 FROM follows f WHERE f.follower_id = $1 AND f.followee_id = p.author_id))
  ORDER BY p.id DESC;
SELECT array_agg(id)::text AS ids FROM (SELECT id FROM posts WHERE author_id IN (SELECT followee_id FROM follows WHERE follower_id = 777) AND deleted_at IS NULL ORDER BY id DESC LIMIT 26) s \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE hyd(777, :'ids', 9223372036854775807, 5000, 21);
\echo '## fan-out follower scan (one batch)'
PREPARE fol(bigint, bigint, int, int) AS
  SELECT f.follower_id AS "userId", f.seq FROM follows f
  JOIN users u ON u.id = f.follower_id
  WHERE f.followee_id = $1 AND f.seq > $2
    AND u.last_active_at > now() - make_interval(days => $4)
  ORDER BY f.seq LIMIT $3;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE fol(3, 0, 2000, 14);
