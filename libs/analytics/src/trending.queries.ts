import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';

// Each interaction in the window weighs like 1, comment 2, share 3, halved every half-life:
// a burst an hour ago counts less than the same burst now. Deleted posts never trend.
const TRENDING_SCORES = `
  WITH events AS (
    SELECT post_id, created_at, 1.0 AS weight FROM likes WHERE created_at > now() - make_interval(secs => $1)
    UNION ALL
    SELECT post_id, created_at, 2.0 FROM comments WHERE created_at > now() - make_interval(secs => $1)
    UNION ALL
    SELECT post_id, created_at, 3.0 FROM shares WHERE created_at > now() - make_interval(secs => $1)
  )
  SELECT e.post_id::text AS post_id,
         sum(e.weight * exp(-ln(2) * extract(epoch FROM now() - e.created_at) / $2))::float8 AS score
  FROM events e JOIN posts p ON p.id = e.post_id AND p.deleted_at IS NULL
  GROUP BY e.post_id
  ORDER BY score DESC, e.post_id DESC
  LIMIT $3`;

export interface TrendingScore {
  post_id: string;
  score: number;
}

export function selectTrendingScores(
  em: EntityManager,
  windowSeconds: number,
  halfLifeSeconds: number,
  limit: number,
): Promise<TrendingScore[]> {
  return runNamed<TrendingScore>(em, 'analytics.trending', TRENDING_SCORES, [
    windowSeconds,
    halfLifeSeconds,
    limit,
  ]);
}
